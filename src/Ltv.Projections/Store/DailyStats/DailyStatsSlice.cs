using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>
/// The fields DailyStats needs from one daemon batch, as columns (arrays) that PostgreSQL unnests into rows: the
/// batch's events are already in memory as domain events, so the SQL neither reads nor parses the log again.
/// Times are UTC instants: PostgreSQL's timestamptz holds no offset, and Npgsql writes only offset 0.
/// </summary>
public sealed class DailyStatsSlice
{
    private DailyStatsSlice(IReadOnlyList<CustomerEvent> events)
    {
        Customers = [.. events.Select(e => e.CustomerId.Value)];
        Days = [.. events.Select(e => DateOnly.FromDateTime(e.EventTime.UtcDateTime))];
        Times = [.. events.Select(e => e.EventTime.ToUniversalTime())];
        Visits = [.. events.Select(e => e is SiteVisited ? 1 : 0)];
        Images = [.. events.Select(e => e is ImageUploaded ? 1 : 0)];

        var orders = events.Select(e => e switch
        {
            OrderPlaced o => (Event: e, o.OrderId, o.Amount.Amount, IsUpdate: false),
            OrderAmended o => (Event: e, o.OrderId, o.Amount.Amount, IsUpdate: true),
            _ => default,
        }).Where(o => o.Event is not null).ToList();
        OrderCustomers = [.. orders.Select(o => o.Event.CustomerId.Value)];
        OrderIds = [.. orders.Select(o => o.OrderId)];
        OrderAmounts = [.. orders.Select(o => o.Amount)];
        OrderTimes = [.. orders.Select(o => o.Event.EventTime.ToUniversalTime())];
        OrderIsUpdate = [.. orders.Select(o => o.IsUpdate)];
        CustomersWithOrders = [.. OrderCustomers.Distinct(StringComparer.Ordinal)];
    }

    public string[] Customers { get; }

    public DateOnly[] Days { get; }

    public DateTimeOffset[] Times { get; }

    public int[] Visits { get; }

    public int[] Images { get; }

    public string[] OrderCustomers { get; }

    public string[] OrderIds { get; }

    public decimal[] OrderAmounts { get; }

    public DateTimeOffset[] OrderTimes { get; }

    public bool[] OrderIsUpdate { get; }

    /// <summary>Each customer with an order event in the batch, once: the customers whose order days are recomputed.</summary>
    public string[] CustomersWithOrders { get; }

    public bool HasOrders => OrderIds.Length > 0;

    public static DailyStatsSlice Of(IEnumerable<CustomerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new DailyStatsSlice([.. events]);
    }
}
