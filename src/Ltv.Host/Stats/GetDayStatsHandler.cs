using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>Answers <see cref="GetDayStats"/> from the DailyStats read model.</summary>
public static class GetDayStatsHandler
{
    public static Task<StatsAnswer<DayStats>> Handle(GetDayStats query, DailyStatsQuery stats, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stats);
        return stats.DayAsync(query.Date, ct);
    }
}
