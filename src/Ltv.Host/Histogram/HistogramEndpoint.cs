using System.Globalization;
using Ltv.Host.Api;
using Ltv.Host.Composition;
using Ltv.Projections.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Histogram;

/// <summary>GET /api/customers/ltv-histogram (what the dashboard draws first): sends <see cref="GetLtvHistogram"/>.</summary>
public static class HistogramEndpoint
{
    public static RouteHandlerBuilder MapHistogramEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/customers/ltv-histogram", GetAsync)
            .WithTags("Overview")
            .WithName("LtvHistogram")
            .WithSummary("How many customers per Simple LTV bucket, linear or log scale; customers without revenue counted apart (as `ltv histogram --format json`).");

    /// <param name="response">Carries the ranking's lag header.</param>
    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="buckets">How many buckets (1 to 200; default 20); fewer come back when cents cannot tell their edges apart.</param>
    /// <param name="scale">linear (the default) or log.</param>
    /// <param name="timeframe">dataset (the default) or customer.</param>
    /// <param name="lifespan">Average lifespan t in years, more than 0 and at most 1000 (default 10).</param>
    public static async Task<Ok<LtvHistogramResponse>> GetAsync(
        HttpResponse response, IMessageBus bus, CancellationToken ct,
        int buckets = 20, string? scale = null, string? timeframe = null, decimal? lifespan = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bus);
        var query = new GetLtvHistogram(buckets, Scale(scale), timeframe is null ? null : TimeframeNames.Parse(timeframe), lifespan);
        var answer = await bus.InvokeAsync<LtvHistogramAnswer>(query, ct);
        response.Headers[ApiHeaders.ProjectionLag] = answer.Lag.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(answer.Histogram);
    }

    private static HistogramScale Scale(string? scale) => scale?.ToLowerInvariant() switch
    {
        null or "linear" => HistogramScale.Linear,
        "log" => HistogramScale.Log,
        _ => throw new UserError($"Unknown scale '{scale}': use linear or log."),
    };
}
