using JasperFx.Events.Daemon;
using Ltv.Host.Clv;
using Ltv.Host.Composition;
using Ltv.Host.Customers;
using Ltv.Host.Histogram;
using Ltv.Host.Ingestion;
using Ltv.Host.Ingestion.Rejections;
using Ltv.Host.Ingestion.Runs;
using Ltv.Host.ReadModels;
using Ltv.Host.Stats;
using Ltv.Host.Summary;
using Ltv.Host.Top;
using Ltv.Projections.Store.Hosts;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ltv.Host.Api;

/// <summary>What `ltv serve` (and the API tests) start.</summary>
/// <param name="ConnectionString">The store's database.</param>
/// <param name="Ltv">Schema, default timeframe and lifespan, batch size.</param>
/// <param name="Api">API key and limits.</param>
/// <param name="Urls">Where to listen; none for ASP.NET Core's defaults (ASPNETCORE_URLS, else http://localhost:5000).</param>
/// <param name="RunDaemon">Run the async projection daemon inside the host.</param>
/// <param name="Configure">A last say over the builder (tests quieten the logs with it).</param>
public sealed record ApiHostOptions(
    string ConnectionString, LtvOptions Ltv, ApiSettings Api, IReadOnlyList<string> Urls, bool RunDaemon = true, Action<WebApplicationBuilder>? Configure = null);

/// <summary>The HTTP API: the product's services, the daemon, limits and errors, and every endpoint group.</summary>
public static class ApiHost
{
    /// <summary>Builds the host and makes sure the schema is in place (as every CLI command does); not started yet.</summary>
    public static async Task<WebApplication> CreateAsync(ApiHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = Build(options);
        try
        {
            await app.Services.EnsureSchemaAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static WebApplication Build(ApiHostOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        if (options.Urls.Count > 0)
        {
            builder.WebHost.UseUrls([.. options.Urls]);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.Api.MaxBodyBytes; // POST /api/events raises its own
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // not a line per request
        builder.AddLtv(options.ConnectionString, options.Ltv, options.RunDaemon ? DaemonMode.HotCold : DaemonMode.ExternallyManaged);
        builder.Services
            .AddSingleton(options.Api)
            .AddProblemDetails(o => o.CustomizeProblemDetails = RoutingProblems.Describe)
            .AddExceptionHandler<ApiExceptionHandler>()
            .Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true) // binding errors reach ApiExceptionHandler with their message
            .AddLtvRateLimits(options.Api)
            .AddOpenApi();
        if (options.RunDaemon)
        {
            // A host that runs read models says it is alive, for ltv status (README, "Several hosts").
            builder.Services
                .AddSingleton(sp => new HostHeartbeats(sp.GetRequiredService<IDocumentStore>()))
                .AddHostedService<HostHeartbeatService>();
        }

        options.Configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboard(); // before the rate limiter: the page's own files are not API reads
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealthEndpoint();
        var api = app.MapGroup("")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapEventsEndpoint();
        api.MapTopEndpoint();
        api.MapCustomerEndpoints();
        api.MapIngestsEndpoint();
        api.MapRejectedEndpoint();
        api.MapProjectionEndpoints();
        api.MapStatsEndpoints();
        api.MapClvEndpoints();
        api.MapSummaryEndpoint();
        api.MapHistogramEndpoint();
        return app;
    }
}
