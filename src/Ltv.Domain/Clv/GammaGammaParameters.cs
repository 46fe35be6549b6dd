namespace Ltv.Domain.Clv;

/// <summary>
/// The Gamma-Gamma spend model's parameters (Fader and Hardie, "The Gamma-Gamma Model of Monetary Value", 2013).
/// Each transaction's value is Gamma(shape p, rate nu); across customers nu ~ Gamma(shape q, rate gamma). A customer's
/// mean transaction value is p / nu; the population mean is p gamma / (q - 1) (USD), finite only for q &gt; 1.
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    public double P { get; } = Positive(P, nameof(P));

    public double Q { get; } = Positive(Q, nameof(Q));

    public double Gamma { get; } = Positive(Gamma, nameof(Gamma));

    /// <summary>The expected value of a transaction of a customer we know nothing of, in USD; infinite for q &lt;= 1.</summary>
    public double PopulationMeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Gamma-Gamma parameters are positive and finite.");
}
