namespace Ltv.Domain.DailyStats;

/// <summary>
/// One customer on one UTC day: what the DailyStats read model stores. A row exists when the customer has any
/// event that day. Orders and revenue count the orders whose earliest event is on that day, with their current
/// amounts, so an ORDER UPDATE on a later day changes this row, not the update's day.
/// </summary>
public sealed record CustomerDay(string CustomerId, DateOnly Day, int Visits, int Images, int Orders, decimal Revenue);

/// <summary>One customer's figures on a day or summed over a period.</summary>
public sealed record CustomerFigures(string CustomerId, long Visits, long Images, long Orders, decimal Revenue);

/// <summary>
/// The figures of a day or a period: customers active (any event), new customers (earliest event of any type
/// in it), and the sums of visits, images, orders and revenue.
/// </summary>
public sealed record StatsTotals(long Customers, long NewCustomers, long Visits, long Images, long Orders, decimal Revenue)
{
    public static StatsTotals Zero { get; } = new(0, 0, 0, 0, 0, 0m);
}

/// <summary>The answer to "stats for day D": the day's totals and every active customer, by customer id.</summary>
public sealed record DayStats(DateOnly Date, StatsTotals Totals, IReadOnlyList<CustomerFigures> Customers);

/// <summary>One day's totals within a range.</summary>
public sealed record DatedTotals(DateOnly Date, StatsTotals Totals);

/// <summary>
/// Every day from <see cref="From"/> to <see cref="To"/> (days without activity with zero totals), and the totals
/// over the whole range, where a customer active on several days counts once.
/// </summary>
public sealed record RangeStats(DateOnly From, DateOnly To, StatsTotals Totals, IReadOnlyList<DatedTotals> Days);

/// <summary>What "top customers over a period" ranks by.</summary>
public enum TopMetric
{
    Revenue,
    Orders,
    Visits,
}

/// <summary>A customer with 2 or more orders: how many, and their revenue.</summary>
public sealed record RepeatCustomer(string CustomerId, long Orders, decimal Revenue);

/// <summary>
/// Repeaters (customers with 2 or more distinct order keys), buyers (1 or more), the rate repeaters / buyers
/// (0 when there are no buyers), and the repeaters themselves, most orders first.
/// </summary>
public sealed record RepeaterStats(long Repeaters, long Buyers, IReadOnlyList<RepeatCustomer> Customers)
{
    public decimal Rate => Buyers == 0 ? 0m : (decimal)Repeaters / Buyers;
}
