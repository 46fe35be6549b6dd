namespace Ltv.Domain.Clv;

/// <summary>
/// How far ahead CLV looks and how it discounts: whole months of 30.4375 days from the calibration end, each month's
/// expected spend discounted by (1 + monthly rate)^month.
/// </summary>
public sealed record ClvHorizon(int Months = 12, double DiscountRateMonthly = 0.01)
{
    /// <summary>A century: beyond it the series behind the expectation converges slowly and the model means nothing.</summary>
    public const int MaximumMonths = 1200;

    public int Months { get; } = Months is >= 1 and <= MaximumMonths
        ? Months
        : throw new ArgumentOutOfRangeException(nameof(Months), Months, $"A horizon is 1 to {MaximumMonths} months.");

    public double DiscountRateMonthly { get; } = DiscountRateMonthly is >= 0 and < 1
        ? DiscountRateMonthly
        : throw new ArgumentOutOfRangeException(nameof(DiscountRateMonthly), DiscountRateMonthly, "A monthly discount rate is at least 0 and below 1.");
}
