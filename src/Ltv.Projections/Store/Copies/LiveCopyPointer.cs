using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Ltv.Projections.Store.Copies;

/// <summary>Which copy of a read model queries read, and whether a rebuild of it is under way.</summary>
/// <param name="Copy">The copy queries read (blue until a rebuild switches it).</param>
/// <param name="Rebuilding">Set for an inline read model while Marten rebuilds it in place: queries then fold the log.</param>
public sealed record LiveCopy(ReadModelCopy Copy, bool Rebuilding)
{
    public static LiveCopy Initial { get; } = new(ReadModelCopy.Blue, false);
}

/// <summary>
/// The pointer from each read model to its live copy: one row per read model in a table of ours that Marten (Weasel)
/// creates with the store. A switch is one committed row update, so each query sees the old copy or the new one, and
/// reads every statement of an answer from the copy it found first. No row means the initial state.
/// </summary>
public sealed class LiveCopyPointer(string schema)
{
    public const string TableName = "ltv_live_copies";

    private string Qualified => $"{schema}.{TableName}";

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("read_model").AsPrimaryKey();
        table.AddColumn<string>("live").NotNull();
        table.AddColumn<bool>("rebuilding").NotNull().DefaultValueByExpression("false");
        table.AddColumn<DateTimeOffset>("switched_at");
        return table;
    }

    public async Task<LiveCopy> ReadAsync(NpgsqlConnection connection, string readModel, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select live, rebuilding from {Qualified} where read_model = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = readModel });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LiveCopy(ReadModelCopies.FromKey(reader.GetString(0)), reader.GetBoolean(1)) : LiveCopy.Initial;
    }

    /// <summary>The live copy, read through a Marten session (its own positional <c>?</c> parameters).</summary>
    public async Task<ReadModelCopy> ReadCopyAsync(IQuerySession session, string readModel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var live = await session.AdvancedSql.QueryAsync<string>($"select live from {Qualified} where read_model = ?", ct, readModel);
        return live.Count == 0 ? ReadModelCopy.Blue : ReadModelCopies.FromKey(live[0]);
    }

    public async Task<bool> IsRebuildingAsync(IQuerySession session, string readModel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rebuilding = await session.AdvancedSql.QueryAsync<bool>($"select rebuilding from {Qualified} where read_model = ?", ct, readModel);
        return rebuilding.Count == 1 && rebuilding[0];
    }

    /// <summary>Makes <paramref name="copy"/> the one queries read, and ends the rebuild flag.</summary>
    public Task SwitchAsync(NpgsqlConnection connection, string readModel, ReadModelCopy copy, CancellationToken ct) =>
        ExecuteAsync(
            connection,
            $"""
            insert into {Qualified} (read_model, live, rebuilding, switched_at) values ($1, $2, false, now())
            on conflict (read_model) do update set live = excluded.live, rebuilding = false, switched_at = excluded.switched_at
            """,
            ct,
            readModel,
            copy.Key());

    public Task SetRebuildingAsync(NpgsqlConnection connection, string readModel, bool rebuilding, CancellationToken ct) =>
        ExecuteAsync(
            connection,
            $"""
            insert into {Qualified} (read_model, live, rebuilding) values ($1, $2, $3)
            on conflict (read_model) do update set rebuilding = excluded.rebuilding
            """,
            ct,
            readModel,
            ReadModelCopy.Blue.Key(),
            rebuilding);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
