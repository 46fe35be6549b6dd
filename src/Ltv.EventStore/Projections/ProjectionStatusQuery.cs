using Ltv.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.EventStore.Projections;

/// <summary>Reads <see cref="StoreStatus"/>: what `ltv status` and the status endpoint show.</summary>
public sealed class ProjectionStatusQuery(
    NpgsqlDataSource dataSource, SchemaName schema, IReadOnlyList<IProjection> inline, IReadOnlyList<IProjection> asynchronous)
{
    /// <summary>The state that a version mismatch shows as.</summary>
    public const string Stale = "stale";

    private readonly ProjectionProgressStore _progress = new(schema);

    /// <summary>Reads the status now.</summary>
    public Task<StoreStatus> ExecuteAsync(CancellationToken ct) => PostgresErrors.Translate(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var head = await new PostgresEventStore(dataSource, schema, []).HeadAsync(ct);
        var rows = (await _progress.ListAsync(connection, ct)).ToDictionary(p => p.Name);
        var statuses = new List<ProjectionStatus>();
        foreach (var (projection, isInline) in inline.Select(p => (p, true)).Concat(asynchronous.Select(p => (p, false))))
        {
            if (!rows.TryGetValue(projection.Name, out var row))
            {
                continue;
            }

            var (lag, seconds) = isInline ? (0L, 0d) : await LagAsync(connection, row.Position, ct);
            var rebuild = rows.GetValueOrDefault(projection.Name + ProjectionRebuilder.ShadowSuffix);
            var state = row.State == ProjectionStates.Failed ? row.State
                : rebuild is not null ? ProjectionStates.Rebuilding
                : row.Version != projection.Version ? Stale
                : row.State;
            statuses.Add(new ProjectionStatus(
                projection.Name, row.Version, projection.Version, isInline, isInline ? head : row.Position, lag, seconds, state, row.Error,
                rebuild?.Position));
        }

        return new StoreStatus(head, await CountAsync(connection, ct), await OldestOpenTransactionAsync(connection, ct), statuses);
    });

    private async Task<(long Lag, double Seconds)> LagAsync(NpgsqlConnection connection, LogPosition position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select count(*), coalesce(extract(epoch from now() - min(e.recorded_at))::float8, 0)
            from {schema}.events e
            where (e.tx_id, e.seq) > (@tx, @seq)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = position.TransactionId });
        command.Parameters.AddWithValue("seq", position.Sequence);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    private async Task<long> CountAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.events", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    // Only transactions that hold a transaction id hold the subscription horizon back.
    private static async Task<double?> OldestOpenTransactionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select extract(epoch from now() - min(xact_start))::float8
            from pg_stat_activity
            where backend_xid is not null and pid <> pg_backend_pid()
            """,
            connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is double seconds ? seconds : null;
    }
}
