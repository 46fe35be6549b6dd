using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Ltv.Host.Ingestion;
using Ltv.Projections;
using Ltv.Projections.Clv;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ltv.Host.Composition;

/// <summary>The modules of the product, shared by the CLI and the HTTP API.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The event store, its read models and the connection they use.</summary>
    public static IServiceCollection AddLtvStore(this IServiceCollection services, string connectionString, LtvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(options.Schema);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(SessionOptions.Apply(connectionString)).Build());
        services.AddSingleton(sp => new ProjectionCatalog(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema));
        services.AddSingleton(sp => new PostgresEventStore(
            sp.GetRequiredService<NpgsqlDataSource>(), options.Schema, sp.GetRequiredService<ProjectionCatalog>().Inline));
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
        services.AddSingleton<IngestHandler>();
        services.AddSingleton(sp => new RejectedEventStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton<RejectedRetryHandler>();
        return services;
    }

    /// <summary>The read-model queries.</summary>
    public static IServiceCollection AddLtvQueries(this IServiceCollection services)
    {
        services.AddSingleton(sp => new TopCustomersQuery(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new LtvHistogramQuery(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new CustomerQuery(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>(), sp.GetRequiredService<PostgresEventStore>()));
        services.AddSingleton(sp => new StoreSummaryQuery(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new PurchaseFactsQuery(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new SimpleLtvQuery(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new ClvQuery(sp.GetRequiredService<PurchaseFactsQuery>()));
        services.AddSingleton(sp => new DailyStatsProjection(sp.GetRequiredService<SchemaName>()));
        services.AddSingleton(sp => new DailyStatsQuery(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<DailyStatsProjection>()));
        services.AddSingleton(sp => new PeriodCustomersQuery(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<DailyStatsProjection>()));
        return services;
    }

    /// <summary>The tables of the ingestion module, applied with the store's own scripts.</summary>
    public static IReadOnlyList<MigrationScript> IngestionScripts { get; } =
        MigrationScript.FromEmbeddedResources(typeof(IngestHandler).Assembly);
}
