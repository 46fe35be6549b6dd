using Ltv.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Ingestion.Runs;

/// <summary>GET /api/ingests: sends <see cref="GetIngestRuns"/>, as <c>ltv ingests</c> does; both write each run as its <see cref="IngestSummary"/>.</summary>
public static class IngestsEndpoint
{
    public static RouteHandlerBuilder MapIngestsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/ingests", GetRunsAsync)
            .WithTags("Ingests")
            .WithName("Ingests")
            .WithSummary("Past ingest runs with their summaries, newest first.");

    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="limit">How many runs (1 to 1000; default 20).</param>
    public static async Task<Ok<IReadOnlyList<IngestSummary>>> GetRunsAsync(IMessageBus bus, CancellationToken ct, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<IngestSummary>>(new GetIngestRuns(ListLimit.Checked(limit)), ct));
    }
}
