using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>
/// A PostgreSQL advisory lock that every append transaction holds shared, and that an in-place rebuild of the inline
/// read model holds exclusively: Marten's rebuild empties the documents and replays up to the high-water mark, and an
/// append committing meanwhile would fold its events onto a missing or half-replayed document, which the replay then
/// overwrites (docs/MARTEN.md, "Rebuilds"). Appends wait for such a rebuild; they never wait for each other.
/// </summary>
public static class AppendGate
{
    /// <summary>Holds the gate shared until the caller's transaction ends.</summary>
    public static Task EnterAsync(NpgsqlConnection connection, string schema, CancellationToken ct) =>
        ExecuteAsync(connection, "select pg_advisory_xact_lock_shared(hashtext($1))", schema, ct);

    /// <summary>Waits for the appends in flight, then keeps new ones out until <see cref="OpenAsync"/> or the connection closes.</summary>
    public static Task CloseAsync(NpgsqlConnection connection, string schema, CancellationToken ct) =>
        ExecuteAsync(connection, "select pg_advisory_lock(hashtext($1))", schema, ct);

    public static Task OpenAsync(NpgsqlConnection connection, string schema, CancellationToken ct) =>
        ExecuteAsync(connection, "select pg_advisory_unlock(hashtext($1))", schema, ct);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"ltv.appends.{schema}" });
        await command.ExecuteNonQueryAsync(ct);
    }
}
