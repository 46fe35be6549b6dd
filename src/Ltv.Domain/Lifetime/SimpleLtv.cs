namespace Ltv.Domain.Lifetime;

/// <summary>
/// Simple LTV = 52 x a x t, where a = revenue / weeks (DESIGN.md "The LTV rule"; revenue per visit
/// times visits per week is revenue / weeks, so visits cancel out).
/// </summary>
public static class SimpleLtv
{
    public const decimal WeeksPerYear = 52m;

    public static decimal AveragePerWeek(decimal revenue, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return revenue / weeks;
    }

    /// <summary>
    /// The exact value, before any rounding. It divides once, last: 52 x revenue x t is exact in decimal,
    /// while revenue / weeks alone may not be (weeks with a factor 13 cancel against 52). Dividing
    /// first would turn 0.025 into 0.0249999... and round a true midpoint the wrong way.
    /// Database projections must compute it in the same order.
    /// </summary>
    public static decimal Calculate(decimal revenue, int weeks, decimal lifespanYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return WeeksPerYear * revenue * lifespanYears / weeks;
    }

    /// <summary>How results show LTV: 2 decimals, a half cent rounded away from zero.</summary>
    public static decimal RoundForDisplay(decimal ltv) => Math.Round(ltv, 2, MidpointRounding.AwayFromZero);
}
