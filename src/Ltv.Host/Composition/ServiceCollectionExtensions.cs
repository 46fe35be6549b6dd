using JasperFx;
using JasperFx.Events.Daemon;
using Ltv.Projections;
using Ltv.Host.Ingestion;
using Ltv.Host.ReadModels;
using Ltv.Projections.Clv;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Clv;
using Ltv.Projections.Store.Customers;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Ltv.Projections.Store.Summary;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Marten;

namespace Ltv.Host.Composition;

/// <summary>The modules of the product, shared by the CLI and the HTTP API.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The event store (Marten), its read models and the connection they use. <paramref name="daemon"/> says who runs
    /// Marten's async daemon: by default the commands that need it start it themselves (<see cref="ReadModelCatalog"/>);
    /// a long-running host passes <see cref="DaemonMode.HotCold"/> to keep it running beside its work, each shard in
    /// the one process that holds Marten's lock for it (commands take the same locks: <see cref="Ltv.Projections.Store.Daemon.ShardLocks"/>).
    /// </summary>
    public static IServiceCollection AddLtvStore(
        this IServiceCollection services, string connectionString, LtvOptions options, DaemonMode daemon = DaemonMode.ExternallyManaged)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(options.Schema);
        // A serving host's sessions say so: the HotCold locks it holds show as its in pg_locks (ltv status).
        var applicationName = daemon == DaemonMode.HotCold ? $"ltv serve {options.Name}" : $"ltv {options.Name}";
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(SessionOptions.Apply(connectionString, applicationName)).Build());
        var marten = services.AddMarten(sp =>
        {
            var store = new StoreOptions().ConfigureLtvStore(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema.Value, options.DaemonBatchSize);
            store.AddIngestionTables(options.Schema.Value);
            // Every start brings the whole schema up to date (ReadModelCatalog.EnsureAsync), so no document type needs
            // comparing with the database again on its first use, which cost each command a round of catalog queries.
            store.AutoCreateSchemaObjects = AutoCreate.None;
            store.Projections.AsyncMode = daemon;
            return store;
        });
        if (daemon != DaemonMode.ExternallyManaged)
        {
            marten.AddAsyncDaemon(daemon);
        }

        // Handlers that take Marten's session get Wolverine's transactional middleware: the session commits when the
        // handler returns (LtvStartup). No message storage: the bus runs in process only.
        marten.IntegrateWithWolverine();

        services.AddSingleton(sp => new ReadModelCatalog(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<NpgsqlDataSource>(), options.Schema.Value));
        services.AddSingleton(sp => new EventLogAppender(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new RunningDaemon(() => sp.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase()));
        return services;
    }

    /// <summary>The ingest command and the record of its runs.</summary>
    public static IServiceCollection AddLtvIngestion(this IServiceCollection services)
    {
        services.AddSingleton(sp => new IngestRunStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<LtvOptions>();
            return new IngestSettings(options.BatchSize, options.IngestWriters);
        });
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton(sp => new RejectedEventStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton<RejectedRetryHandler>();
        return services;
    }

    /// <summary>The read-model queries, each reading Marten's documents or the live copy of a read model's tables.</summary>
    public static IServiceCollection AddLtvQueries(this IServiceCollection services)
    {
        services.AddSingleton(sp => new TopCustomersQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new LtvHistogramQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new CustomerQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new StoreSummaryQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new PurchaseFactsQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new SimpleLtvQuery(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(sp => new ClvQuery(sp.GetRequiredService<PurchaseFactsQuery>()));
        services.AddSingleton(sp => new DailyStatsQuery(
            sp.GetRequiredService<NpgsqlDataSource>(), DailyStatsRegistration.LiveIn(sp.GetRequiredService<SchemaName>().Value)));
        services.AddSingleton(sp => new PeriodCustomersQuery(
            sp.GetRequiredService<NpgsqlDataSource>(), DailyStatsRegistration.LiveIn(sp.GetRequiredService<SchemaName>().Value)));
        return services;
    }
}
