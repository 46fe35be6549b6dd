namespace Ltv.Domain.Lifetime;

/// <summary>The number of weeks a customer's value is averaged over (DESIGN.md "The LTV rule").</summary>
public enum Timeframe
{
    /// <summary>From the earliest to the latest event_time of all accepted events: the challenge's reading.</summary>
    Dataset,

    /// <summary>From the customer's own first to last event.</summary>
    Customer,
}

/// <summary>The settings of the LTV rule. t, the average customer lifespan in years, is 10 unless set.</summary>
public sealed record LtvSettings(Timeframe Timeframe = Timeframe.Dataset, decimal LifespanYears = 10m)
{
    /// <summary>
    /// The longest lifespan, in years. With amounts capped (<see cref="Validation.AmountParser.MaxAmount"/>), it keeps
    /// 52 x revenue x t within decimal's range.
    /// </summary>
    public const decimal MaxLifespanYears = 1000m;

    public static LtvSettings Default { get; } = new();

    // Checked on construction and on `with`, so no ranking ever runs on a meaningless setting.
    public Timeframe Timeframe { get; init => field = Known(value); } = Known(Timeframe);

    public decimal LifespanYears { get; init => field = Positive(value); } = Positive(LifespanYears);

    private static Timeframe Known(Timeframe timeframe) =>
        Enum.IsDefined(timeframe) ? timeframe : throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Unknown timeframe.");

    private static decimal Positive(decimal years) =>
        years is > 0m and <= MaxLifespanYears
            ? years
            : throw new ArgumentOutOfRangeException(nameof(years), years, $"A lifespan is a positive number of years, at most {MaxLifespanYears}.");
}
