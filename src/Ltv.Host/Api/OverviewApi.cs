using System.Globalization;
using Ltv.Domain.Lifetime;
using Ltv.Host.Api.Contracts;
using Ltv.Host.Composition;
using Ltv.Projections;
using Ltv.Projections.Ranking;
using Ltv.Projections.Store.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>The customer base at a glance (what the dashboard draws first): what the store holds, and how LTV is spread.</summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/ltv-histogram", GetHistogramAsync)
            .WithTags("Overview")
            .WithName("LtvHistogram")
            .WithSummary("How many customers per Simple LTV bucket, linear or log scale; customers without revenue counted apart.");
        return app;
    }

    /// <param name="response">Carries the ranking's lag header.</param>
    /// <param name="query">Counts over the ranking read model.</param>
    /// <param name="options">The server's default timeframe and lifespan.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="buckets">How many buckets (1 to 200; default 20); fewer come back when cents cannot tell their edges apart.</param>
    /// <param name="scale">linear (the default) or log.</param>
    /// <param name="timeframe">dataset (the default) or customer.</param>
    /// <param name="lifespan">Average lifespan t in years, more than 0 and at most 1000 (default 10).</param>
    public static async Task<Ok<LtvHistogramResponse>> GetHistogramAsync(
        HttpResponse response, LtvHistogramQuery query, LtvOptions options, CancellationToken ct,
        int buckets = 20, string? scale = null, string? timeframe = null, decimal? lifespan = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        if (buckets is < 1 or > HistogramEdges.MaxBuckets)
        {
            throw new UserError($"buckets must be from 1 to {HistogramEdges.MaxBuckets}; it is {buckets}.");
        }

        var histogramScale = scale?.ToLowerInvariant() switch
        {
            null or "linear" => HistogramScale.Linear,
            "log" => HistogramScale.Log,
            _ => throw new UserError($"Unknown scale '{scale}': use linear or log."),
        };
        var settings = options.SettingsFor(timeframe is null ? null : TimeframeNames.Parse(timeframe), lifespan);
        var histogram = await query.ExecuteAsync(buckets, histogramScale, settings, ct);
        response.Headers[ApiHeaders.ProjectionLag] = histogram.Lag.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(LtvHistogramResponse.From(histogram, TimeframeNames.Of(settings.Timeframe), settings.LifespanYears, histogramScale));
    }
}
