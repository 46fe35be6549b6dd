using Ltv.Domain.Customers;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store.Ranking;

/// <summary>The answer to top X, with how far the ranking is behind the log.</summary>
/// <param name="Customers">The top customers, best first.</param>
/// <param name="Settings">The timeframe and lifespan used.</param>
/// <param name="DatasetWeeks">The dataset timeframe in weeks; null when there is no data.</param>
/// <param name="Lag">Events in the log not yet in the ranking.</param>
public sealed record TopCustomersAnswer(IReadOnlyList<LtvResult> Customers, LtvSettings Settings, int? DatasetWeeks, long Lag);

/// <summary>
/// TopXSimpleLTVCustomers over LtvRanking: an index scan for either timeframe (<see cref="RankingIndexes"/>), and the
/// dataset's span from the two event-time indexes (two index probes).
/// </summary>
/// <remarks>
/// The span is read before the ranking, each in its own statement, so a daemon batch committed in between can show
/// in the ranking and not in the span. Spans only grow, so such an answer is at worst one batch old in its weeks.
/// </remarks>
public sealed class TopCustomersQuery(IDocumentStore store)
{
    // Ties go to the lower customer id in ordinal order: "C" is PostgreSQL's byte order, whatever the database's locale.
    private const string ByRevenue = "order by d.revenue desc, d.id collate \"C\" limit ?";
    private const string ByWeeklyValue = "order by d.weekly_value desc, d.id collate \"C\" limit ?";

    public async Task<TopCustomersAnswer> ExecuteAsync(int x, LtvSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = store.QuerySession();

        // Every statement reads the copy found here: a switch meanwhile leaves that copy complete and maintained.
        var copy = await new LiveCopyPointer(store.Options.DatabaseSchemaName).ReadCopyAsync(session, RankingRegistration.ReadModelName, ct);
        var (customers, datasetWeeks) = copy == ReadModelCopy.Blue
            ? await RankAsync<RankedCustomer.Blue>(session, x, settings, ct)
            : await RankAsync<RankedCustomer.Green>(session, x, settings, ct);

        var lag = await MartenLag.CountAsync(store, session, ReadModelCopies.ProjectionName(RankingRegistration.ReadModelName, copy), ct);
        return new TopCustomersAnswer(customers, settings, datasetWeeks, lag);
    }

    private static async Task<(List<LtvResult> Customers, int? DatasetWeeks)> RankAsync<TCopy>(
        IQuerySession session, int x, LtvSettings settings, CancellationToken ct)
        where TCopy : RankedCustomer
    {
        // Ordered and limited rather than min and max: each is one probe of its index, and an empty ranking is no row.
        var first = await session.Query<TCopy>().OrderBy(c => c.FirstEventTime).Select(c => c.FirstEventTime).Take(1).ToListAsync(ct);
        var last = await session.Query<TCopy>().OrderByDescending(c => c.LastEventTime).Select(c => c.LastEventTime).Take(1).ToListAsync(ct);
        int? datasetWeeks = first.Count == 1 && last.Count == 1 ? WeekCalendar.WeeksBetween(first[0], last[0]) : null;

        var ranked = await session.QueryAsync<TCopy>(settings.Timeframe == Timeframe.Dataset ? ByRevenue : ByWeeklyValue, ct, x);
        return ([.. ranked.Select(c => Result(c.Lifetime, settings, datasetWeeks))], datasetWeeks);
    }

    private static LtvResult Result(CustomerLifetime customer, LtvSettings settings, int? datasetWeeks)
    {
        var weeks = settings.Timeframe == Timeframe.Dataset
            ? datasetWeeks!.Value
            : WeekCalendar.WeeksBetween(customer.FirstEventTime!.Value, customer.LastEventTime!.Value);
        var revenue = customer.Revenue;
        return new LtvResult(
            new CustomerId(customer.Id),
            customer.Profile?.LastName,
            customer.Visits,
            customer.OrderCount,
            revenue,
            weeks,
            SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(revenue, weeks, settings.LifespanYears)),
            customer.HasCustomerEvent);
    }
}
