namespace Ltv.Host.Generation;

/// <summary>What to generate.</summary>
/// <param name="Customers">How many customers.</param>
/// <param name="Seed">The same seed gives the same events, byte for byte.</param>
/// <param name="Start">The earliest event time.</param>
/// <param name="Days">How many days the events span.</param>
/// <param name="BadRate">The fraction of extra records that break a validation rule (0 for none).</param>
/// <param name="QuirkyShapes">Write the shapes real inputs use (integer ids, several timestamp shapes, amounts as numbers).</param>
public sealed record SyntheticEventOptions(
    int Customers,
    int Seed = 1,
    DateTimeOffset? Start = null,
    int Days = 400,
    double BadRate = 0,
    bool QuirkyShapes = true)
{
    public DateTimeOffset StartTime => Start ?? new DateTimeOffset(2016, 12, 18, 0, 0, 0, TimeSpan.Zero);
}
