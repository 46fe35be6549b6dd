namespace Ltv.Domain.Events;

/// <summary>An amount of money. Only US dollars exist in this shop, and no amount is negative.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public const string Usd = "USD";

    // Divides by one with 28 decimal places: decimal division keeps the smallest scale that is exact,
    // so 12.340m becomes 12.34m and 92.00m becomes 92m.
    private const decimal OneWithMaximumScale = 1.0000000000000000000000000000m;

    /// <summary>Never negative; its scale normalised, because equal amounts must serialise to equal bytes.</summary>
    public decimal Amount { get; } = Normalize(Amount);

    // default(Money) stores no currency; there is only one to read.
    public string Currency { get => field ?? Usd; } = RequireUsd(Currency);

    public static Money InUsd(decimal amount) => new(amount, Usd);

    public override string ToString() => FormattableString.Invariant($"{Amount} {Currency}");

    private static decimal Normalize(decimal amount)
    {
        // Not ThrowIfNegative: that looks at the sign bit, and "-0" is a way to write zero, not a negative amount.
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount of money is never negative.");
        }

        // Zero is written as 0 whatever its sign or scale.
        return amount == 0m ? 0m : amount / OneWithMaximumScale;
    }

    private static string RequireUsd(string currency) =>
        currency == Usd ? currency : throw new ArgumentException($"Only {Usd} is supported, not {currency}.", nameof(currency));
}
