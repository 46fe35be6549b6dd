using JasperFx.Events.Projections;
using Ltv.Projections;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>
/// DailyStats in a Marten store: both copies (blue/green), each with its tables in Marten's schema management and its
/// projection on the daemon.
/// </summary>
public static class DailyStatsRegistration
{
    /// <summary>The names of one copy's DailyStats tables in the store's schema (blue's are <c>daily_stats_*</c>).</summary>
    public static DailyStatsTables TablesIn(string schema, ReadModelCopy copy = ReadModelCopy.Blue) =>
        new(SchemaName.From(schema), ReadModelCopies.ProjectionName(DailyStatsProjection.ProjectionName, copy));

    /// <summary>
    /// The tables and lag of the copy queries read now, on the query's connection: <see cref="DailyStatsQuery"/> and
    /// <see cref="PeriodCustomersQuery"/> ask once per answer.
    /// </summary>
    public static DailyStatsSource LiveIn(string schema)
    {
        var pointer = new LiveCopyPointer(schema);
        return async (connection, ct) =>
        {
            var live = await pointer.ReadAsync(connection, DailyStatsProjection.ProjectionName, ct);
            return new DailyStatsCopy(
                TablesIn(schema, live.Copy),
                MartenLag.For(schema, ReadModelCopies.ProjectionName(DailyStatsProjection.ProjectionName, live.Copy)));
        };
    }

    public static void AddDailyStats(this StoreOptions options, string schema, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var copy in Enum.GetValues<ReadModelCopy>())
        {
            var names = TablesIn(schema, copy);
            var tables = DailyStatsStorage.Tables(names);
            options.Storage.ExtendedSchemaObjects.AddRange(tables);
            options.Projections.Add(
                new DailyStatsProjection(names),
                ProjectionLifecycle.Async,
                names.Prefix,
                daemon =>
                {
                    daemon.BatchSize = batchSize;

                    // A rebuild starts from empty tables, as a document projection's rebuild starts from no documents.
                    foreach (var table in tables)
                    {
                        daemon.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
                    }
                });
        }
    }
}
