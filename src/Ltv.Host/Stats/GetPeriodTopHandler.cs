using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>Answers <see cref="GetPeriodTop"/> from the DailyStats read model.</summary>
public static class GetPeriodTopHandler
{
    public static Task<StatsAnswer<IReadOnlyList<CustomerFigures>>> Handle(GetPeriodTop query, PeriodCustomersQuery customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(customers);
        return customers.TopAsync(query.From, query.To, query.By, query.Limit, ct);
    }
}
