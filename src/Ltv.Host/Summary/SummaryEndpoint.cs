using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Summary;

/// <summary>GET /api/summary: sends <see cref="GetStoreSummary"/>, as <c>ltv summary</c> does.</summary>
public static class SummaryEndpoint
{
    public static RouteHandlerBuilder MapSummaryEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/summary", GetAsync)
            .WithTags("Overview")
            .WithName("Summary")
            .WithSummary("Events, customers, customers without a CUSTOMER event, and the event-time range (as `ltv summary`).");

    public static async Task<Ok<StoreSummaryResponse>> GetAsync(IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return TypedResults.Ok(StoreSummaryResponse.From((await bus.InvokeAsync<StoreSummaryAnswer>(new GetStoreSummary(), ct)).Summary));
    }
}
