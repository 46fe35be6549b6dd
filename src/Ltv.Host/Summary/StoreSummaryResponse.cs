using Ltv.Projections;

namespace Ltv.Host.Summary;

/// <summary>What the store holds: GET /api/summary, and the "summary" of `ltv summary --format json`.</summary>
/// <param name="Events">Events in the log.</param>
/// <param name="Customers">Customers with at least one event.</param>
/// <param name="CustomersWithoutProfile">Customers with activity but no CUSTOMER event yet.</param>
/// <param name="FirstEventTime">The earliest event_time; null when the store is empty.</param>
/// <param name="LastEventTime">The latest event_time; null when the store is empty.</param>
public sealed record StoreSummaryResponse(long Events, long Customers, long CustomersWithoutProfile, DateTimeOffset? FirstEventTime, DateTimeOffset? LastEventTime)
{
    public static StoreSummaryResponse From(StoreSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Events, s.Customers, s.CustomersWithoutProfile, s.FirstEventTime, s.LastEventTime);
    }
}
