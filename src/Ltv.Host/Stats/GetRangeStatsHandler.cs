using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>Answers <see cref="GetRangeStats"/> from the DailyStats read model.</summary>
public static class GetRangeStatsHandler
{
    public static Task<StatsAnswer<RangeStats>> Handle(GetRangeStats query, DailyStatsQuery stats, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stats);
        // The senders check the range first, naming their own parameters; a message sent without that check still gets one line.
        if (DailyStatsQuery.RangeProblem(query.From, query.To) is { } problem)
        {
            throw new UserError($"{problem}.");
        }

        return stats.RangeAsync(query.From, query.To, ct);
    }
}
