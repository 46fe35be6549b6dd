using Ltv.Domain.Customers;

namespace Ltv.Domain.Lifetime;

/// <summary>
/// One customer's line in the ranking. Ltv is rounded to 2 decimals; revenue is exact. A null LastName means either
/// no CUSTOMER event yet or one without a last name; <see cref="HasCustomerEvent"/> tells which.
/// </summary>
public sealed record LtvResult(
    CustomerId CustomerId,
    string? LastName,
    int Visits,
    int Orders,
    decimal Revenue,
    int Weeks,
    decimal Ltv,
    bool HasCustomerEvent);

/// <summary>
/// The top customers by Simple LTV, computed straight from customer states. This is the reference the
/// database projections are tested against, so it favours the obvious over the fast.
/// </summary>
public static class LtvRanking
{
    /// <summary>
    /// Ordered by exact LTV descending (rounding happens only in the result), ties by customer id
    /// ascending, ordinal. States without events stand for customers who do not exist and are skipped.
    /// </summary>
    public static IReadOnlyList<LtvResult> Top(IEnumerable<CustomerLifetime> customers, LtvSettings settings, int x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        return [.. Rank(customers, settings).Take(x)];
    }

    /// <summary>Every customer, in ranking order.</summary>
    public static IReadOnlyList<LtvResult> Rank(IEnumerable<CustomerLifetime> customers, LtvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(settings);
        List<CustomerLifetime> existing = [.. customers.Where(c => c.FirstEventTime is not null)];
        if (existing.Count == 0)
        {
            return [];
        }

        if (existing.Select(c => c.CustomerId).Distinct().Count() != existing.Count)
        {
            throw new ArgumentException("Each customer may appear once.", nameof(customers));
        }

        // The dataset timeframe is one span for everybody: earliest to latest event of all customers.
        int datasetWeeks = WeekCalendar.WeeksBetween(existing.Min(c => c.FirstEventTime!.Value), existing.Max(c => c.LastEventTime!.Value));

        return
        [
            .. existing
                .Select(c => Score(c, settings.Timeframe == Timeframe.Dataset
                    ? datasetWeeks
                    : WeekCalendar.WeeksBetween(c.FirstEventTime!.Value, c.LastEventTime!.Value), settings.LifespanYears))
                .OrderByDescending(s => s.ExactLtv)
                .ThenBy(s => s.Customer.CustomerId.Value, StringComparer.Ordinal)
                .Select(s => new LtvResult(
                    s.Customer.CustomerId,
                    s.Customer.Profile?.LastName,
                    s.Customer.Visits,
                    s.Customer.OrderCount,
                    s.Revenue,
                    s.Weeks,
                    SimpleLtv.RoundForDisplay(s.ExactLtv),
                    s.Customer.HasCustomerEvent)),
        ];
    }

    private static Scored Score(CustomerLifetime customer, int weeks, decimal lifespanYears)
    {
        decimal revenue = customer.Revenue;
        return new Scored(customer, revenue, weeks, SimpleLtv.Calculate(revenue, weeks, lifespanYears));
    }

    private sealed record Scored(CustomerLifetime Customer, decimal Revenue, int Weeks, decimal ExactLtv);
}
