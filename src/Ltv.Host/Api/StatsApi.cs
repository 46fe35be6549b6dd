using System.Globalization;
using Ltv.Domain.DailyStats;
using Ltv.Host.Api.Contracts;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>The daily statistics (`ltv stats ...`): a day, a range, top customers over a period, repeaters. Days are UTC, YYYY-MM-DD.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics");
        group.MapGet("/daily/{date}", GetDayAsync).WithName("StatsDay").WithSummary("Every customer's figures on one UTC day, and the day's totals.");
        group.MapGet("/daily", GetRangeAsync).WithName("StatsRange").WithSummary("Each UTC day's totals from `from` to `to` (both included), and the totals over the range.");
        group.MapGet("/top", GetTopAsync).WithName("StatsTop").WithSummary("The top customers over a period by revenue, orders or visits.");
        group.MapGet("/repeaters", GetRepeatersAsync).WithName("StatsRepeaters").WithSummary("Buyers with 2 or more orders, out of all buyers; optionally from/to a day.");
        return group;
    }

    public static async Task<Ok<StatsDayResponse>> GetDayAsync(string date, HttpResponse response, DailyStatsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var answer = await query.DayAsync(DayText.Parse(date, "date"), ct);
        Lag(response, answer.Lag);
        var day = answer.Stats;
        return TypedResults.Ok(new StatsDayResponse(
            StatsOutputParts.Date(day.Date), StatsTotalsResponse.From(day.Totals), StatsCustomerResponse.From(day.Customers)));
    }

    public static async Task<Ok<StatsRangeResponse>> GetRangeAsync(HttpResponse response, DailyStatsQuery query, CancellationToken ct, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = Period(from, to);
        if (DailyStatsQuery.RangeProblem(first, last) is { } problem)
        {
            throw new UserError($"from/to: {problem}.");
        }

        var answer = await query.RangeAsync(first, last, ct);
        Lag(response, answer.Lag);
        var range = answer.Stats;
        return TypedResults.Ok(new StatsRangeResponse(
            StatsOutputParts.Date(range.From), StatsOutputParts.Date(range.To), StatsTotalsResponse.From(range.Totals),
            [.. range.Days.Select(StatsDayTotalsResponse.From)]));
    }

    /// <param name="response">Carries the read model's lag header.</param>
    /// <param name="query">The period queries.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day of the period (included).</param>
    /// <param name="by">revenue (the default), orders or visits.</param>
    /// <param name="limit">How many customers (1 to 1000; default 10).</param>
    public static async Task<Ok<StatsTopResponse>> GetTopAsync(
        HttpResponse response, PeriodCustomersQuery query, CancellationToken ct, string? from = null, string? to = null, string? by = null, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = Period(from, to);
        var metric = by?.ToLowerInvariant() switch
        {
            null or "revenue" => TopMetric.Revenue,
            "orders" => TopMetric.Orders,
            "visits" => TopMetric.Visits,
            _ => throw new UserError($"Unknown by '{by}': use revenue, orders or visits."),
        };
        if (limit is < 1 or > IngestsApi.MaxLimit)
        {
            throw new UserError($"limit must be from 1 to {IngestsApi.MaxLimit}; it is {limit}.");
        }

        var answer = await query.TopAsync(first, last, metric, limit, ct);
        Lag(response, answer.Lag);
        return TypedResults.Ok(new StatsTopResponse(
            StatsOutputParts.Date(first), StatsOutputParts.Date(last), metric.ToString().ToLowerInvariant(), StatsCustomerResponse.From(answer.Stats)));
    }

    /// <param name="response">Carries the read model's lag header.</param>
    /// <param name="query">The period queries.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="from">Count only orders whose first event is on or after this day.</param>
    /// <param name="to">Count only orders whose first event is on or before this day.</param>
    /// <param name="list">Also list the repeaters, most orders first.</param>
    public static async Task<Ok<StatsRepeatersResponse>> GetRepeatersAsync(
        HttpResponse response, PeriodCustomersQuery query, CancellationToken ct, string? from = null, string? to = null, bool list = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var window = new DayWindow(DayText.ParseOptional(from, "from"), DayText.ParseOptional(to, "to"));
        if (window is { From: { } f, To: { } t } && f > t)
        {
            throw new UserError($"from {from} is after to {to}.");
        }

        var answer = await query.RepeatersAsync(window, list, ct);
        Lag(response, answer.Lag);
        var stats = answer.Stats;
        IReadOnlyList<RepeatCustomerResponse>? customers = list
            ? [.. stats.Customers.Select(c => new RepeatCustomerResponse(c.CustomerId, c.Orders, Numbers.Money(c.Revenue)))]
            : null;
        return TypedResults.Ok(new StatsRepeatersResponse(stats.Repeaters, stats.Buyers, StatsRepeatersOutput.Rate(stats.Rate), customers));
    }

    private static (DateOnly From, DateOnly To) Period(string? from, string? to)
    {
        var first = DayText.Parse(from ?? throw new UserError("from is required (YYYY-MM-DD)."), "from");
        var last = DayText.Parse(to ?? throw new UserError("to is required (YYYY-MM-DD)."), "to");
        return first <= last ? (first, last) : throw new UserError($"from {from} is after to {to}.");
    }

    private static void Lag(HttpResponse response, long lag) =>
        response.Headers[ApiHeaders.ProjectionLag] = lag.ToString(CultureInfo.InvariantCulture);
}
