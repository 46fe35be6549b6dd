using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>Answers <see cref="GetRepeaters"/> from the DailyStats read model.</summary>
public static class GetRepeatersHandler
{
    public static Task<StatsAnswer<RepeaterStats>> Handle(GetRepeaters query, PeriodCustomersQuery customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(customers);
        return customers.RepeatersAsync(query.Window, query.List, ct);
    }
}
