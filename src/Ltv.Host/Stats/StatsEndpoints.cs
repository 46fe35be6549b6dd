using System.Globalization;
using Ltv.Domain.DailyStats;
using Ltv.Host.Api;
using Ltv.Projections.DailyStats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Stats;

/// <summary>GET /api/stats/...: send the statistics queries, as <c>ltv stats ...</c> does. Days are UTC, YYYY-MM-DD.</summary>
public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics");
        group.MapGet("/daily/{date}", GetDayAsync).WithName("StatsDay").WithSummary("Every customer's figures on one UTC day, and the day's totals.");
        group.MapGet("/daily", GetRangeAsync).WithName("StatsRange").WithSummary("Each UTC day's totals from `from` to `to` (both included), and the totals over the range.");
        group.MapGet("/top", GetTopAsync).WithName("StatsTop").WithSummary("The top customers over a period by revenue, orders or visits.");
        group.MapGet("/repeaters", GetRepeatersAsync).WithName("StatsRepeaters").WithSummary("Buyers with 2 or more orders, out of all buyers; optionally from/to a day.");
        return group;
    }

    public static async Task<Ok<StatsDayResponse>> GetDayAsync(string date, HttpResponse response, IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var answer = await bus.InvokeAsync<StatsAnswer<DayStats>>(new GetDayStats(DayText.Parse(date, "date")), ct);
        return TypedResults.Ok(StatsDayResponse.Of(WithLag(response, answer)));
    }

    public static async Task<Ok<StatsRangeResponse>> GetRangeAsync(HttpResponse response, IMessageBus bus, CancellationToken ct, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var (first, last) = StatsArguments.Range(from, to, StatsArguments.Http);
        var answer = await bus.InvokeAsync<StatsAnswer<RangeStats>>(new GetRangeStats(first, last), ct);
        return TypedResults.Ok(StatsRangeResponse.Of(WithLag(response, answer)));
    }

    /// <param name="response">Carries the read model's lag header.</param>
    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day of the period (included).</param>
    /// <param name="by">revenue (the default), orders or visits.</param>
    /// <param name="limit">How many customers (1 to 1000; default 10).</param>
    public static async Task<Ok<StatsTopResponse>> GetTopAsync(
        HttpResponse response, IMessageBus bus, CancellationToken ct, string? from = null, string? to = null, string? by = null, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var (first, last) = StatsArguments.Period(from, to, StatsArguments.Http);
        var query = new GetPeriodTop(first, last, StatsArguments.Metric(by, StatsArguments.Http), ListLimit.Checked(limit));
        var answer = await bus.InvokeAsync<StatsAnswer<IReadOnlyList<CustomerFigures>>>(query, ct);
        return TypedResults.Ok(StatsTopResponse.Of(query, WithLag(response, answer)));
    }

    /// <param name="response">Carries the read model's lag header.</param>
    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="from">Count only orders whose first event is on or after this day.</param>
    /// <param name="to">Count only orders whose first event is on or before this day.</param>
    /// <param name="list">Also list the repeaters, most orders first.</param>
    public static async Task<Ok<StatsRepeatersResponse>> GetRepeatersAsync(
        HttpResponse response, IMessageBus bus, CancellationToken ct, string? from = null, string? to = null, bool list = false)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var query = new GetRepeaters(StatsArguments.Window(from, to, StatsArguments.Http), list);
        var answer = await bus.InvokeAsync<StatsAnswer<RepeaterStats>>(query, ct);
        return TypedResults.Ok(StatsRepeatersResponse.Of(query, WithLag(response, answer)));
    }

    private static T WithLag<T>(HttpResponse response, StatsAnswer<T> answer)
    {
        response.Headers[ApiHeaders.ProjectionLag] = answer.Lag.ToString(CultureInfo.InvariantCulture);
        return answer.Stats;
    }
}
