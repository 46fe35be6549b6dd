using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>Runs a projection's SQL in the caller's transaction, with a batch's range parameters when there is one.</summary>
public static class ProjectionSql
{
    // A slice is a few thousand events while the log and the read models grow to millions of rows: a full scan of
    // any table is always the wrong plan (one a batch makes a catch-up quadratic), yet the planner picks one once
    // its estimate of a (transaction id, sequence) range goes wrong. JIT's compile (~30 ms a statement) costs more
    // than a slice's statements take. So both are off while a slice is applied; the scan setting is put back after.
    private const string SliceSettings = "set local enable_seqscan = off;\nset local jit = off;\n";
    private const string SliceSettingsRestored = ";\nset local enable_seqscan to default;";

    /// <summary>
    /// Executes <paramref name="sql"/>; <paramref name="range"/> supplies the parameters of <see cref="EventRange.Filter"/>
    /// and marks the SQL as the application of a slice of the log (see the settings above).
    /// </summary>
    public static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, EventRange? range, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(range is null ? sql : SliceSettings + sql.TrimEnd().TrimEnd(';') + SliceSettingsRestored, connection, transaction);
        range?.AddParameters(command);
        await command.ExecuteNonQueryAsync(ct);
    }
}
