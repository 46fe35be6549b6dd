using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>Runs a projection's SQL in the caller's transaction, with a batch's range parameters when there is one.</summary>
public static class ProjectionSql
{
    /// <summary>Executes <paramref name="sql"/>; <paramref name="range"/> supplies the parameters of <see cref="EventRange.Filter"/>.</summary>
    public static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, EventRange? range, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        range?.AddParameters(command);
        await command.ExecuteNonQueryAsync(ct);
    }
}
