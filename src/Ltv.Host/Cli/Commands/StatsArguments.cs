using System.CommandLine;
using System.Globalization;
using Ltv.Domain.DailyStats;

namespace Ltv.Host.Cli.Commands;

/// <summary>
/// The options of the <c>stats</c> commands. Values are read as text and checked here, so that a mistake is one
/// line naming the value ("ltv: ..."), not a parser message followed by the whole help.
/// </summary>
public static class StatsArguments
{
    public static Option<string?> From(string description) => new("--from") { Description = description + " (YYYY-MM-DD, a UTC day)." };

    public static Option<string?> To(string description) => new("--to") { Description = description + " (YYYY-MM-DD, a UTC day, included)." };

    /// <summary>Both ends of a period that must be given, in order.</summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to)
    {
        var period = (From: DayText.Parse(from ?? throw new UserError("--from is required."), "--from"),
                      To: DayText.Parse(to ?? throw new UserError("--to is required."), "--to"));
        return period.From <= period.To ? period : throw new UserError($"--from {from} is after --to {to}.");
    }

    public static DayWindow Window(string? from, string? to)
    {
        var window = new DayWindow(DayText.ParseOptional(from, "--from"), DayText.ParseOptional(to, "--to"));
        return window is { From: { } f, To: { } t } && f > t ? throw new UserError($"--from {from} is after --to {to}.") : window;
    }

    public static TopMetric Metric(string? text) => text?.ToLowerInvariant() switch
    {
        null or "revenue" => TopMetric.Revenue,
        "orders" => TopMetric.Orders,
        "visits" => TopMetric.Visits,
        _ => throw new UserError($"Unknown --by '{text}': use revenue, orders or visits."),
    };

    public static int Limit(string? text) =>
        text is null ? 10
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit
        : throw new UserError($"Invalid --limit '{text}': use a whole number of 1 or more.");

    public static string MetricName(TopMetric metric) => metric.ToString().ToLowerInvariant();
}
