using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;

namespace Ltv.Domain.DailyStats;

/// <summary>
/// Daily statistics computed straight from domain events (DESIGN.md "Read models", DailyStats): the reference
/// the DailyStats projection and its queries are tested against, so it favours the obvious over the fast.
/// An order's day is the UTC day of its earliest event and its amount is its current amount (the LTV rule, as
/// <see cref="CustomerLifetime"/> folds it); every figure depends on event_time only, never on arrival order.
/// </summary>
public sealed class DailyStatsReference
{
    private readonly Dictionary<string, DateOnly> _firstDays;
    private readonly IReadOnlyList<(string CustomerId, DateOnly Day, decimal Amount)> _orders;

    private DailyStatsReference(
        IReadOnlyList<CustomerDay> rows,
        Dictionary<string, DateOnly> firstDays,
        IReadOnlyList<(string CustomerId, DateOnly Day, decimal Amount)> orders)
    {
        Rows = rows;
        _firstDays = firstDays;
        _orders = orders;
    }

    /// <summary>Every (customer, day) with activity, by customer id (ordinal) then day.</summary>
    public IReadOnlyList<CustomerDay> Rows { get; }

    /// <summary>Every day with activity, in order.</summary>
    public IReadOnlyList<DateOnly> Days => [.. Rows.Select(r => r.Day).Distinct().Order()];

    public static DailyStatsReference From(IEnumerable<CustomerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new List<CustomerDay>();
        var firstDays = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var orders = new List<(string, DateOnly, decimal)>();
        foreach (var stream in events.GroupBy(e => e.CustomerId).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var id = stream.Key.Value;
            var lifetime = CustomerLifetime.From(stream.Key, stream);
            firstDays[id] = UtcDays.Of(lifetime.FirstEventTime!.Value);
            var customerOrders = lifetime.Orders.Values.Select(o => (Day: UtcDays.Of(o.FirstEventTime), o.Amount)).ToList();
            orders.AddRange(customerOrders.Select(o => (id, o.Day, o.Amount)));
            foreach (var day in stream.GroupBy(e => UtcDays.Of(e.EventTime)).OrderBy(g => g.Key))
            {
                var dayOrders = customerOrders.Where(o => o.Day == day.Key).ToList();
                rows.Add(new CustomerDay(
                    id,
                    day.Key,
                    day.Count(e => e is CustomerEvent.SiteVisited),
                    day.Count(e => e is CustomerEvent.ImageUploaded),
                    dayOrders.Count,
                    dayOrders.Sum(o => o.Amount)));
            }
        }

        return new DailyStatsReference(rows, firstDays, orders);
    }

    public DayStats Day(DateOnly date)
    {
        var customers = Rows.Where(r => r.Day == date)
            .Select(r => new CustomerFigures(r.CustomerId, r.Visits, r.Images, r.Orders, r.Revenue))
            .ToList();
        return new DayStats(date, Totals(customers, NewCustomers(new DayWindow(date, date))), customers);
    }

    public RangeStats Range(DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var days = new List<DatedTotals>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new DatedTotals(day, Day(day).Totals));
        }

        return new RangeStats(from, to, Totals(Period(from, to), NewCustomers(new DayWindow(from, to))), days);
    }

    /// <summary>Customers active in the period by the metric, highest first, ties by customer id (ordinal).</summary>
    public IReadOnlyList<CustomerFigures> Top(DateOnly from, DateOnly to, TopMetric by, int limit) =>
        [.. Period(from, to)
            .OrderByDescending(c => by switch
            {
                TopMetric.Revenue => c.Revenue,
                TopMetric.Orders => c.Orders,
                _ => c.Visits,
            })
            .ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Take(limit)];

    /// <summary>Counts the orders whose day is in <paramref name="window"/>.</summary>
    public RepeaterStats Repeaters(DayWindow window)
    {
        var buyers = _orders.Where(o => window.Contains(o.Day))
            .GroupBy(o => o.CustomerId)
            .Select(g => new RepeatCustomer(g.Key, g.Count(), g.Sum(o => o.Amount)))
            .ToList();
        var repeaters = buyers.Where(b => b.Orders >= 2)
            .OrderByDescending(b => b.Orders)
            .ThenBy(b => b.CustomerId, StringComparer.Ordinal)
            .ToList();
        return new RepeaterStats(repeaters.Count, buyers.Count, repeaters);
    }

    // A customer's figures summed over the period's days, one line per customer active in it.
    private List<CustomerFigures> Period(DateOnly from, DateOnly to) =>
        [.. Rows.Where(r => r.Day >= from && r.Day <= to)
            .GroupBy(r => r.CustomerId, StringComparer.Ordinal)
            .Select(g => new CustomerFigures(g.Key, g.Sum(r => (long)r.Visits), g.Sum(r => (long)r.Images), g.Sum(r => (long)r.Orders), g.Sum(r => r.Revenue)))
            .OrderBy(c => c.CustomerId, StringComparer.Ordinal)];

    private long NewCustomers(DayWindow window) => _firstDays.Values.Count(window.Contains);

    private static StatsTotals Totals(IReadOnlyCollection<CustomerFigures> customers, long newCustomers) => new(
        customers.Count,
        newCustomers,
        customers.Sum(c => c.Visits),
        customers.Sum(c => c.Images),
        customers.Sum(c => c.Orders),
        customers.Sum(c => c.Revenue));
}
