namespace Ltv.Projections;

/// <summary>What the store holds, at a glance.</summary>
/// <param name="Events">Events in the log.</param>
/// <param name="Customers">Customers (streams) with at least one event.</param>
/// <param name="CustomersWithoutProfile">Customers with activity but no CUSTOMER event yet (a data-quality figure).</param>
/// <param name="FirstEventTime">The earliest event_time, if any.</param>
/// <param name="LastEventTime">The latest event_time, if any.</param>
public sealed record StoreSummary(
    long Events, long Customers, long CustomersWithoutProfile, DateTimeOffset? FirstEventTime, DateTimeOffset? LastEventTime);
