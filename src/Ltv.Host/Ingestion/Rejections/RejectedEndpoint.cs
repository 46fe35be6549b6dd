using Ltv.Host.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Ingestion.Rejections;

/// <summary>GET /api/rejected: sends <see cref="GetRejections"/>, as <c>ltv rejected</c> does.</summary>
public static class RejectedEndpoint
{
    public static RouteHandlerBuilder MapRejectedEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/rejected", GetRejectedAsync)
            .WithTags("Ingests")
            .WithName("Rejected")
            .WithSummary("Rejected input, oldest first: run, source, position, reason, raw text. Page with after=<last id>.");

    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="run">Only rejections of this ingest run.</param>
    /// <param name="reason">Only rejections whose reason contains this text.</param>
    /// <param name="all">Include rejections already resolved by a retry.</param>
    /// <param name="after">Only rejections with a larger id (the last id of the previous page).</param>
    /// <param name="limit">At most this many (1 to 1000; default 50).</param>
    public static async Task<Ok<IReadOnlyList<RejectedEventResponse>>> GetRejectedAsync(
        IMessageBus bus, CancellationToken ct, long? run = null, string? reason = null, bool all = false, long after = 0, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var rows = await bus.InvokeAsync<IReadOnlyList<RejectedEvent>>(new GetRejections(run, reason, all, after, ListLimit.Checked(limit)), ct);
        IReadOnlyList<RejectedEventResponse> list = [.. rows.Select(RejectedEventResponse.From)];
        return TypedResults.Ok(list);
    }
}
