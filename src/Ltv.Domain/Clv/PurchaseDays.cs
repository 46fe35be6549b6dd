namespace Ltv.Domain.Clv;

/// <summary>Purchase facts folded into transactions: per customer, each purchase day with its summed amount.</summary>
public static class PurchaseDays
{
    /// <summary>Customers (ordinal order) with their purchase days up to <paramref name="last"/> (inclusive).</summary>
    public static SortedDictionary<string, SortedDictionary<DateOnly, decimal>> ByCustomer(IEnumerable<PurchaseFact> facts, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var customers = new SortedDictionary<string, SortedDictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (var fact in facts.Where(f => f.Day <= last))
        {
            if (!customers.TryGetValue(fact.CustomerId, out var days))
            {
                days = [];
                customers.Add(fact.CustomerId, days);
            }

            days[fact.Day] = days.GetValueOrDefault(fact.Day) + fact.Amount;
        }

        return customers;
    }

    /// <summary>
    /// Per customer, the distinct purchase days after <paramref name="after"/> up to <paramref name="through"/>
    /// (inclusive): the repeat transactions of a holdout period. Customers without any are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, int> CountBetween(IEnumerable<PurchaseFact> facts, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts
            .Where(f => f.Day > after && f.Day <= through)
            .GroupBy(f => f.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Day).Distinct().Count(), StringComparer.Ordinal);
    }
}
