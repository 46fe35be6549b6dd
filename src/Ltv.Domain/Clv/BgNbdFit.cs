using Ltv.Domain.Clv.Numerics;

namespace Ltv.Domain.Clv;

/// <summary>A maximum-likelihood BG/NBD fit.</summary>
/// <param name="Parameters">The estimates.</param>
/// <param name="LogLikelihood">The log-likelihood at the estimates, summed over the customers.</param>
/// <param name="Converged">Whether the optimizer met its tolerance.</param>
/// <param name="Evaluations">Likelihood evaluations it took.</param>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, bool Converged, int Evaluations)
{
    /// <summary>Maximises the BG/NBD log-likelihood over the customers' (frequency, recency, T).</summary>
    public static BgNbdFit To(IReadOnlyList<CustomerRfm> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0)
        {
            throw new ArgumentException("A fit needs at least one customer.", nameof(customers));
        }

        // Customers with the same (x, t_x, T) add the same term: weigh each distinct history once.
        var histories = customers
            .GroupBy(c => (c.Frequency, c.Recency, c.T))
            .Select(g => (g.Key.Frequency, g.Key.Recency, g.Key.T, Weight: g.Count()))
            .ToArray();
        // Start from unit shapes and a scale of the mean observation time, so the start does not depend on the unit.
        double[] start = [1, Math.Max(customers.Average(c => c.T), 1e-3), 1, 1];
        var minimum = PositiveMinimizer.Minimize(
            v =>
            {
                var p = new BgNbdParameters(v[0], v[1], v[2], v[3]);
                return -histories.Sum(h => h.Weight * BgNbdModel.LogLikelihood(p, h.Frequency, h.Recency, h.T));
            },
            start);
        var fitted = new BgNbdParameters(minimum.Point[0], minimum.Point[1], minimum.Point[2], minimum.Point[3]);
        return new BgNbdFit(fitted, BgNbdModel.LogLikelihood(fitted, customers), minimum.Converged, minimum.Evaluations);
    }
}
