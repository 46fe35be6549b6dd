using Ltv.Domain.Clv;
using Ltv.Domain.Lifetime;

namespace Ltv.Host.Clv;

/// <summary>
/// Predictions over <paramref name="Horizon"/> from <paramref name="Model"/>, each customer's Simple LTV (under
/// <paramref name="SimpleLtv"/>) beside them when the store has it.
/// </summary>
public sealed record ClvPredictions(
    ClvModel Model, ClvHorizon Horizon, LtvSettings SimpleLtv, IReadOnlyList<CustomerPrediction> Customers, IReadOnlyDictionary<string, decimal> SimpleLtvs)
{
    public decimal? SimpleLtvOf(CustomerPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return SimpleLtvs.TryGetValue(prediction.Customer.CustomerId, out var value) ? value : null;
    }
}
