using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>The CLV query string's values, checked as the `ltv clv` options are, with the parameters' own names.</summary>
public static class ClvRequest
{
    public static FitClv Fit(string? calibrationEnd, string? unit) =>
        new(DayText.ParseOptional(calibrationEnd, nameof(calibrationEnd)), Unit(unit));

    public static ClvTimeUnit Unit(string? unit) =>
        unit is null ? ClvTimeUnit.Week : ClvTimeUnits.Parse(unit) ?? throw new UserError($"Unknown unit '{unit}': use week or day.");

    public static ClvHorizon Horizon(int months, double discount)
    {
        if (months is < 1 or > ClvHorizon.MaximumMonths)
        {
            throw new UserError($"horizonMonths must be from 1 to {ClvHorizon.MaximumMonths}; it is {months}.");
        }

        return discount is >= 0 and < 1
            ? new ClvHorizon(months, discount)
            : throw new UserError("discount must be at least 0 and below 1 (0.01 is 1% a month).");
    }
}
