using Ltv.Host.Api.Contracts;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>GET /health: 200 while the database answers (degraded when a projection has stopped), 503 when it does not.</summary>
public static class HealthApi
{
    public const string Path = "/health";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetHealthAsync)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Database reachable, and each projection's state and lag. Never needs the API key, never rate limited.");
        return app;
    }

    public static async Task<JsonHttpResult<HealthResponse>> GetHealthAsync(ReadModelCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            var status = await catalog.StatusAsync(ct);
            var failed = status.Projections.Any(p => p.State == ProjectionStates.Failed);
            var projections = status.Projections.Select(p => new ProjectionHealth(p.Name, p.State, p.Lag, p.LagSeconds)).ToList();
            return TypedResults.Json(new HealthResponse(failed ? "degraded" : "healthy", "reachable", status.Head, projections, Error: null));
        }
        catch (Exception e) when (e is DatabaseUnavailableException || DatabaseUnavailable.Is(e))
        {
            var why = e is DatabaseUnavailableException ? e.Message : DatabaseUnavailable.Describe(e);
            return TypedResults.Json(
                new HealthResponse("unhealthy", "unreachable", Head: null, [], why), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
