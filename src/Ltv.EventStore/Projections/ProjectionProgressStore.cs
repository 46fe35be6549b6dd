using Ltv.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.EventStore.Projections;

/// <summary>
/// Reads and writes projection progress rows. Writes always happen in the caller's transaction, the one
/// that also holds the projection's own writes, so progress and data can never disagree after a crash.
/// </summary>
public sealed class ProjectionProgressStore(SchemaName schema)
{
    private const string Columns = "name, version, position_tx, position_seq, state, error, updated_at";

    /// <summary>Creates the progress row of a projection if it has none.</summary>
    public async Task RegisterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IProjection projection, string state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(projection);
        await using var command = new NpgsqlCommand(
            $"insert into {schema}.projection_progress (name, version, state) values (@name, @version, @state) on conflict (name) do nothing",
            connection,
            transaction);
        command.Parameters.AddWithValue("name", projection.Name);
        command.Parameters.AddWithValue("version", projection.Version);
        command.Parameters.AddWithValue("state", state);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Reads a projection's progress and locks its row until the transaction ends, so that two runners of the
    /// same projection never apply the same batch.
    /// </summary>
    public async Task<ProjectionProgress> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select {Columns} from {schema}.projection_progress where name = @name for update", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? Read(reader)
            : throw new InvalidOperationException($"Projection '{name}' is not registered.");
    }

    /// <summary>Moves a projection's position.</summary>
    public async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, LogPosition position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            update {schema}.projection_progress
            set position_tx = @tx, position_seq = @seq, updated_at = now()
            where name = @name
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = position.TransactionId });
        command.Parameters.AddWithValue("seq", position.Sequence);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops a projection on an event it cannot apply. Runs in a transaction of its own.</summary>
    public async Task MarkFailedAsync(NpgsqlDataSource dataSource, string name, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            $"update {schema}.projection_progress set state = '{ProjectionStates.Failed}', error = @error, updated_at = now() where name = @name");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sets every field of a projection's row, creating it if needed (rebuilds use it).</summary>
    public async Task SetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, int version, LogPosition position, string state,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            insert into {schema}.projection_progress (name, version, position_tx, position_seq, state, error, updated_at)
            values (@name, @version, @tx, @seq, @state, null, now())
            on conflict (name) do update set
                version = excluded.version, position_tx = excluded.position_tx, position_seq = excluded.position_seq,
                state = excluded.state, error = null, updated_at = now()
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.Add(new NpgsqlParameter<ulong>("tx", NpgsqlDbType.Xid8) { TypedValue = position.TransactionId });
        command.Parameters.AddWithValue("seq", position.Sequence);
        command.Parameters.AddWithValue("state", state);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes a projection's row (a finished or abandoned shadow copy).</summary>
    public async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"delete from {schema}.projection_progress where name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every projection's progress.</summary>
    public async Task<IReadOnlyList<ProjectionProgress>> ListAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from {schema}.projection_progress order by name", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ProjectionProgress>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static ProjectionProgress Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        new LogPosition(reader.GetFieldValue<ulong>(2), reader.GetInt64(3)),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
