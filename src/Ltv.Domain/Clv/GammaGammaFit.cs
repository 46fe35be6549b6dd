using Ltv.Domain.Clv.Numerics;

namespace Ltv.Domain.Clv;

/// <summary>A maximum-likelihood Gamma-Gamma fit on the repeat customers.</summary>
/// <param name="Parameters">The estimates.</param>
/// <param name="LogLikelihood">The log-likelihood at the estimates.</param>
/// <param name="Customers">The repeat customers with a positive mean spend it was fitted on.</param>
/// <param name="Converged">Whether the optimizer met its tolerance.</param>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers, bool Converged)
{
    /// <summary>Maximises the likelihood over customers with at least one repeat transaction and a positive mean spend.</summary>
    public static GammaGammaFit To(IEnumerable<CustomerRfm> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var repeaters = Usable(customers).Select(c => (c.Frequency, Mean: (double)c.MonetaryValue)).ToArray();
        if (repeaters.Length == 0)
        {
            throw new ArgumentException("A Gamma-Gamma fit needs at least one repeat customer with a positive spend.", nameof(customers));
        }

        double[] start = [1, 1, repeaters.Average(c => c.Mean)];
        var minimum = PositiveMinimizer.Minimize(
            v =>
            {
                var p = new GammaGammaParameters(v[0], v[1], v[2]);
                return -repeaters.Sum(c => GammaGammaModel.LogLikelihood(p, c.Frequency, c.Mean));
            },
            start);
        var fitted = new GammaGammaParameters(minimum.Point[0], minimum.Point[1], minimum.Point[2]);
        return new GammaGammaFit(fitted, -minimum.Value, repeaters.Length, minimum.Converged);
    }

    /// <summary>The customers the spend model can learn from: repeaters whose repeat purchases have a positive mean.</summary>
    public static IEnumerable<CustomerRfm> Usable(IEnumerable<CustomerRfm> customers) =>
        customers.Where(c => c.IsRepeater && c.MonetaryValue > 0);
}
