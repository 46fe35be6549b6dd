using Ltv.Host.Api.Contracts;
using Ltv.Host.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>Past ingest runs (`ltv ingests`) and stored rejections (`ltv rejected`).</summary>
public static class IngestsApi
{
    public static IEndpointRouteBuilder MapIngestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingests", GetRunsAsync)
            .WithTags("Ingests")
            .WithName("Ingests")
            .WithSummary("Past ingest runs with their summaries, newest first.");
        app.MapGet("/api/rejected", GetRejectedAsync)
            .WithTags("Ingests")
            .WithName("Rejected")
            .WithSummary("Rejected input, oldest first: run, source, position, reason, raw text. Page with after=<last id>.");
        return app;
    }

    /// <param name="runs">The ingest runs.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="limit">How many runs (1 to 1000; default 20).</param>
    public static async Task<Ok<IReadOnlyList<IngestRunResponse>>> GetRunsAsync(IngestRunStore runs, CancellationToken ct, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(runs);
        IReadOnlyList<IngestRunResponse> list = [.. (await runs.ListAsync(runId: null, ListLimit.Checked(limit), ct)).Select(IngestRunResponse.From)];
        return TypedResults.Ok(list);
    }

    /// <param name="rejected">The stored rejections.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="run">Only rejections of this ingest run.</param>
    /// <param name="reason">Only rejections whose reason contains this text.</param>
    /// <param name="all">Include rejections already resolved by a retry.</param>
    /// <param name="after">Only rejections with a larger id (the last id of the previous page).</param>
    /// <param name="limit">At most this many (1 to 1000; default 50).</param>
    public static async Task<Ok<IReadOnlyList<RejectedEventResponse>>> GetRejectedAsync(
        RejectedEventStore rejected, CancellationToken ct, long? run = null, string? reason = null, bool all = false, long after = 0, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var rows = await rejected.ListAsync(run, string.IsNullOrEmpty(reason) ? null : reason, all, after, ListLimit.Checked(limit), ct);
        IReadOnlyList<RejectedEventResponse> list = [.. rows.Select(RejectedEventResponse.From)];
        return TypedResults.Ok(list);
    }
}
