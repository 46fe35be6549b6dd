using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections;

/// <summary>How many events of the log a projection has not applied yet.</summary>
public static class ProjectionLag
{
    /// <summary>The lag of <paramref name="projection"/> in our own store.</summary>
    public static ReadModelLag For(SchemaName schema, string projection) =>
        (connection, ct) => CountAsync(connection, schema, projection, ct);

    public static async Task<long> CountAsync(NpgsqlConnection connection, SchemaName schema, string projection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schema);
        await using var command = new NpgsqlCommand(
            $"""
            select count(*)
            from {schema}.events e, {schema}.projection_progress p
            where p.name = @name and (e.tx_id, e.seq) > (p.position_tx, p.position_seq)
            """,
            connection);
        command.Parameters.AddWithValue("name", projection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
