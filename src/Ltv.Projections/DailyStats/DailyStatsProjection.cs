using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections.DailyStats;

/// <summary>
/// DailyStats, the async read model of per-customer daily statistics: per customer per UTC day, visits,
/// image uploads, orders and revenue (an order counts on the day of its earliest event, with its current
/// amount), plus each order and each customer's earliest event, which new customers and repeaters need.
/// </summary>
public sealed class DailyStatsProjection : IRebuildableProjection
{
    public const string ProjectionName = "daily_stats";

    private readonly string _apply;

    /// <param name="schema">The schema of the store.</param>
    /// <param name="tableSuffix">Empty for the live copy; otherwise a copy with its own tables and name (a rebuild's shadow, a test's copy).</param>
    public DailyStatsProjection(SchemaName schema, string tableSuffix = "")
    {
        Name = ProjectionName + tableSuffix;
        Tables = new DailyStatsTables(schema, Name);
        _apply = DailyStatsSql.Apply(Tables);
    }

    public DailyStatsTables Tables { get; }

    public string Name { get; }

    IReadOnlyList<string> IRebuildableProjection.Tables => Tables.All;

    public IRebuildableProjection WithTableSuffix(string suffix) => new DailyStatsProjection(Tables.Schema, suffix);

    public int Version => 1;

    public Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, Tables.CreateSql, range: null, ct);

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, Tables.ResetSql, range: null, ct);

    public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, _apply, range, ct);
}
