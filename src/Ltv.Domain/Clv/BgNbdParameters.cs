namespace Ltv.Domain.Clv;

/// <summary>
/// The BG/NBD model's population parameters (Fader, Hardie and Lee 2005). While alive, a customer buys as a
/// Poisson process with rate lambda ~ Gamma(shape r, rate alpha); after each purchase they drop out for good with
/// probability p ~ Beta(a, b). alpha is in the fit's time unit: r / alpha is the mean purchase rate per unit.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    public double R { get; } = Positive(R, nameof(R));

    public double Alpha { get; } = Positive(Alpha, nameof(Alpha));

    public double A { get; } = Positive(A, nameof(A));

    public double B { get; } = Positive(B, nameof(B));

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "BG/NBD parameters are positive and finite.");
}
