using JasperFx.Events.Projections;
using Ltv.EventStore.Schema;
using Ltv.Projections.DailyStats;
using Marten;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>DailyStats in a Marten store: its tables in Marten's schema management, the projection on the daemon.</summary>
public static class DailyStatsRegistration
{
    /// <summary>The names of the DailyStats tables in the store's schema.</summary>
    public static DailyStatsTables TablesIn(string schema) => new(SchemaName.From(schema), DailyStatsProjection.ProjectionName);

    public static void AddDailyStats(this StoreOptions options, string schema, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = TablesIn(schema);
        var tables = DailyStatsStorage.Tables(names);
        options.Storage.ExtendedSchemaObjects.AddRange(tables);
        options.Projections.Add(
            new DailyStatsProjection(names),
            ProjectionLifecycle.Async,
            DailyStatsProjection.ProjectionName,
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
