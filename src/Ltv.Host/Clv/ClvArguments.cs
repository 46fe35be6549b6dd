using System.CommandLine;
using System.Globalization;
using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>
/// The options of the <c>clv</c> commands. As for <c>stats</c> (<see cref="StatsArguments"/>), values are read as text
/// and checked here before any work, so that a mistake is one line naming the value ("ltv: ..."), not a parser
/// message followed by the whole help.
/// </summary>
public static class ClvArguments
{
    public static Option<string?> CalibrationEnd(string? description = null) => new("--calibration-end")
    {
        Description = description ?? "Last day (UTC, yyyy-mm-dd, inclusive) of the purchases the models learn from. Default: the latest purchase day.",
    };

    public static Option<string?> HoldoutEnd() => new("--holdout-end")
    {
        Description = "Last day (UTC, yyyy-mm-dd, inclusive) of the holdout period. Default: the latest purchase day.",
    };

    public static Option<string?> Unit() => new("--unit") { Description = "Time unit of recency, T and alpha: week (the default) or day." };

    public static Option<string?> HorizonMonths() => new("--horizon-months")
    {
        Description = $"How many months ahead to predict, 1 to {ClvHorizon.MaximumMonths} (default 12).",
    };

    public static Option<string?> Discount() => new("--discount") { Description = "Monthly discount rate, 0 to below 1 (default 0.01 = 1% a month)." };

    public static DateOnly RequiredDay(string? text, string option) => DayText.Parse(text ?? throw new UserError($"{option} is required."), option);

    public static ClvTimeUnit TimeUnit(string? text) =>
        text is null ? ClvTimeUnit.Week : ClvTimeUnits.Parse(text) ?? throw new UserError($"Unknown --unit '{text}': use week or day.");

    public static ClvHorizon Horizon(string? months, string? discount)
    {
        var horizonMonths = months is null ? 12
            : int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= ClvHorizon.MaximumMonths ? m
            : throw new UserError($"Invalid --horizon-months '{months}': use a whole number from 1 to {ClvHorizon.MaximumMonths}.");
        var rate = discount is null ? 0.01
            : double.TryParse(discount, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and < 1 ? d
            : throw new UserError($"Invalid --discount '{discount}': use a monthly rate of at least 0 and below 1 (0.01 is 1% a month).");
        return new ClvHorizon(horizonMonths, rate);
    }
}
