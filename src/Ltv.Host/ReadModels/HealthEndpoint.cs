using Ltv.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.ReadModels;

/// <summary>GET /health: sends <see cref="GetHealth"/>; 200 while the database answers (degraded when a projection has stopped), 503 when it does not.</summary>
public static class HealthEndpoint
{
    public const string Path = ApiRoutes.Health;

    public static RouteHandlerBuilder MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, GetAsync)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Database reachable, and each projection's state and lag. Never needs the API key, never rate limited.");

    public static async Task<JsonHttpResult<HealthResponse>> GetAsync(IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var health = await bus.InvokeAsync<HealthResponse>(new GetHealth(), ct);
        return TypedResults.Json(health, statusCode: health.Database == "reachable" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
