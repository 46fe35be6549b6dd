using Ltv.Domain.Lifetime;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.Ranking;
using Marten;

namespace Ltv.Projections.Tests.Marten.Scale;

/// <summary>
/// TopCustomersQuery as it was before it became one statement (commit 1bffdb3), kept as the baseline the latency
/// measurement compares against in the same run: pointer, first time, last time, ranking, progress, lag, one round
/// trip each. It returns what the measurement compares, not LtvResults.
/// </summary>
public sealed class SixRoundTripTopCustomers(IDocumentStore store)
{
    public async Task<(IReadOnlyList<string> Ids, int? DatasetWeeks, long Lag)> ExecuteAsync(int x, Timeframe timeframe, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var copy = await new LiveCopyPointer(store.Options.DatabaseSchemaName).ReadCopyAsync(session, RankingRegistration.ReadModelName, ct);
        var (ids, weeks) = copy == ReadModelCopy.Blue
            ? await RankAsync<RankedCustomer.Blue>(session, x, timeframe, ct)
            : await RankAsync<RankedCustomer.Green>(session, x, timeframe, ct);
        var lag = await MartenLag.CountAsync(store, session, ReadModelCopies.ProjectionName(RankingRegistration.ReadModelName, copy), ct);
        return (ids, weeks, lag);
    }

    private static async Task<(IReadOnlyList<string>, int?)> RankAsync<TCopy>(IQuerySession session, int x, Timeframe timeframe, CancellationToken ct)
        where TCopy : RankedCustomer
    {
        var first = await session.Query<TCopy>().OrderBy(c => c.FirstEventTime).Select(c => c.FirstEventTime).Take(1).ToListAsync(ct);
        var last = await session.Query<TCopy>().OrderByDescending(c => c.LastEventTime).Select(c => c.LastEventTime).Take(1).ToListAsync(ct);
        int? weeks = first.Count == 1 && last.Count == 1 ? WeekCalendar.WeeksBetween(first[0], last[0]) : null;
        var key = timeframe == Timeframe.Dataset ? "revenue" : "weekly_value";
        var ranked = await session.QueryAsync<TCopy>($"order by d.{key} desc, d.id collate \"C\" limit ?", ct, x);
        return ([.. ranked.Select(c => c.Id)], weeks);
    }
}
