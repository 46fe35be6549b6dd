using System.CommandLine;
using System.Globalization;
using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>
/// The values the statistics queries take, read as text and checked here for the CLI (<c>--from</c>) and HTTP
/// (<c>from</c>) alike, so that a mistake is one line naming the value ("ltv: ..." or a problem's detail), not a
/// parser message followed by the whole help.
/// </summary>
public static class StatsArguments
{
    /// <summary>How the command line names a value: <c>--from</c>.</summary>
    public const string Cli = "--";

    /// <summary>How a query string names a value: <c>from</c>.</summary>
    public const string Http = "";

    public static Option<string?> From(string description) => new("--from") { Description = description + " (YYYY-MM-DD, a UTC day)." };

    public static Option<string?> To(string description) => new("--to") { Description = description + " (YYYY-MM-DD, a UTC day, included)." };

    /// <summary>Both ends of a period that must be given, in order; <paramref name="prefix"/> is <see cref="Cli"/> or <see cref="Http"/>.</summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to, string prefix)
    {
        var period = (From: DayText.Parse(from ?? throw new UserError($"{prefix}from is required (YYYY-MM-DD)."), $"{prefix}from"),
                      To: DayText.Parse(to ?? throw new UserError($"{prefix}to is required (YYYY-MM-DD)."), $"{prefix}to"));
        return period.From <= period.To ? period : throw new UserError($"{prefix}from {from} is after {prefix}to {to}.");
    }

    /// <summary>A period one range answer can hold (one row per day).</summary>
    public static (DateOnly From, DateOnly To) Range(string? from, string? to, string prefix)
    {
        var period = Period(from, to, prefix);
        return DailyStatsQuery.RangeProblem(period.From, period.To) is { } problem
            ? throw new UserError($"{prefix}from/{prefix}to: {problem}.")
            : period;
    }

    public static DayWindow Window(string? from, string? to, string prefix)
    {
        var window = new DayWindow(DayText.ParseOptional(from, $"{prefix}from"), DayText.ParseOptional(to, $"{prefix}to"));
        return window is { From: { } f, To: { } t } && f > t ? throw new UserError($"{prefix}from {from} is after {prefix}to {to}.") : window;
    }

    public static TopMetric Metric(string? text, string prefix) => text?.ToLowerInvariant() switch
    {
        null or "revenue" => TopMetric.Revenue,
        "orders" => TopMetric.Orders,
        "visits" => TopMetric.Visits,
        _ => throw new UserError($"Unknown {prefix}by '{text}': use revenue, orders or visits."),
    };

    public static int Limit(string? text) =>
        text is null ? 10
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit
        : throw new UserError($"Invalid --limit '{text}': use a whole number of 1 or more.");

    public static string MetricName(TopMetric metric) => metric.ToString().ToLowerInvariant();
}
