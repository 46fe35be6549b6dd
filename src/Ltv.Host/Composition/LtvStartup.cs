using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Ltv.Host.Clv;
using Ltv.Host.Customers;
using Ltv.Host.Histogram;
using Ltv.Host.Ingestion;
using Ltv.Host.Ingestion.Rejections;
using Ltv.Host.Ingestion.Runs;
using Ltv.Host.ReadModels;
using Ltv.Host.Stats;
using Ltv.Host.Summary;
using Ltv.Host.Top;
using Ltv.Projections.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ltv.Host.Composition;

/// <summary>
/// The one place the product is put together. The CLI, the HTTP API, the benchmark and the tests all start here:
/// Marten's store and read models, the ingest and the queries, and Wolverine, which carries every command and query
/// the CLI and HTTP send (README, "Messages").
/// </summary>
public static class LtvStartup
{
    /// <param name="builder">A host builder: an empty one for a CLI command, the web application's for the API.</param>
    /// <param name="connectionString">The store's database.</param>
    /// <param name="options">Schema, LTV defaults, batch sizes.</param>
    /// <param name="daemon">Who runs Marten's async daemon (see <see cref="ServiceCollectionExtensions.AddLtvStore"/>).</param>
    public static IHostApplicationBuilder AddLtv(
        this IHostApplicationBuilder builder, string connectionString, LtvOptions options, DaemonMode daemon = DaemonMode.ExternallyManaged)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddLtvStore(connectionString, options, daemon)
            .AddLtvIngestion()
            .AddLtvQueries()
            .AddWolverine(ExtensionDiscovery.ManualOnly, ConfigureMessages);
        return builder;
    }

    /// <summary>
    /// The product without a web server, started, on a schema known to be up to date: what a CLI command, the
    /// benchmark and the tests run. The empty builder reads no configuration files and logs nowhere, so a command's
    /// output is its own.
    /// </summary>
    public static async Task<IHost> StartAsync(string connectionString, LtvOptions options, CancellationToken ct)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.AddLtv(connectionString, options);
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            await host.Services.EnsureSchemaAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Brings the whole schema up to date (Marten's and Weasel's migration of the event store, the read models and the
    /// ingestion tables): every start does this before it answers anything, the CLI's and the API's alike.
    /// </summary>
    public static Task EnsureSchemaAsync(this IServiceProvider services) =>
        services.GetRequiredService<ReadModelCatalog>().EnsureAsync();

    /// <summary>
    /// Wolverine as the in-process bus only: no broker, no durable inbox or outbox (every message is answered within
    /// the call that sent it, so storing it first would guarantee nothing more). Its handler code is generated ahead
    /// of time into Internal/Generated (<c>ltv codegen write</c>) and loaded from this assembly: no Roslyn at run time.
    /// </summary>
    private static void ConfigureMessages(WolverineOptions wolverine)
    {
        wolverine.ApplicationAssembly = typeof(LtvStartup).Assembly;
        // The handlers are named here rather than found by name: the list is the product's messages, in one place.
        wolverine.Discovery.DisableConventionalDiscovery();
        wolverine.Discovery.IncludeType(typeof(IngestRunHandler));
        wolverine.Discovery.IncludeType(typeof(AppendBatchHandler));
        wolverine.Discovery.IncludeType(typeof(GetTopCustomersHandler));
        wolverine.Discovery.IncludeType(typeof(GetStoreStatusHandler));
        wolverine.Discovery.IncludeType(typeof(GetHealthHandler));
        wolverine.Discovery.IncludeType(typeof(GetLtvHistogramHandler));
        wolverine.Discovery.IncludeType(typeof(GetCustomerHandler));
        wolverine.Discovery.IncludeType(typeof(GetStoreSummaryHandler));
        wolverine.Discovery.IncludeType(typeof(GetDayStatsHandler));
        wolverine.Discovery.IncludeType(typeof(GetRangeStatsHandler));
        wolverine.Discovery.IncludeType(typeof(GetPeriodTopHandler));
        wolverine.Discovery.IncludeType(typeof(GetRepeatersHandler));
        wolverine.Discovery.IncludeType(typeof(GetIngestRunsHandler));
        wolverine.Discovery.IncludeType(typeof(GetRejectionsHandler));
        wolverine.Discovery.IncludeType(typeof(RetryRejectionsHandler));
        wolverine.Discovery.IncludeType(typeof(RebuildProjectionHandler));
        wolverine.Discovery.IncludeType(typeof(FitClvHandler));
        wolverine.Discovery.IncludeType(typeof(GetClvTopHandler));
        wolverine.Discovery.IncludeType(typeof(GetClvCustomerHandler));
        wolverine.Discovery.IncludeType(typeof(ValidateClvHandler));
        wolverine.Durability.Mode = DurabilityMode.MediatorOnly;
        // Nothing is stored, so there is nothing for Wolverine's durability agent to recover; starting it checked and
        // migrated Wolverine's message tables on every start, about 0.45 s of each CLI command.
        wolverine.Durability.DurabilityAgentEnabled = false;
        wolverine.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        // A rebuild or a retry on a large store runs for minutes. What stops a message is its sender's cancellation
        // (Ctrl+C, a closed HTTP request), not a timeout of the bus (60 s by default).
        wolverine.DefaultExecutionTimeout = TimeSpan.FromDays(1);
        wolverine.Policies.AutoApplyTransactions();
    }
}
