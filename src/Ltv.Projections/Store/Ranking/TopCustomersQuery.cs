using Ltv.Domain.Customers;
using Ltv.Domain.Lifetime;
using Marten;

namespace Ltv.Projections.Store.Ranking;

/// <summary>The answer to top X, with how far the ranking is behind the log.</summary>
/// <param name="Customers">The top customers, best first.</param>
/// <param name="Settings">The timeframe and lifespan used.</param>
/// <param name="DatasetWeeks">The dataset timeframe in weeks; null when there is no data.</param>
/// <param name="Lag">Events in the log not yet in the ranking.</param>
public sealed record TopCustomersAnswer(IReadOnlyList<LtvResult> Customers, LtvSettings Settings, int? DatasetWeeks, long Lag);

/// <summary>
/// TopXSimpleLTVCustomers over LtvRanking in one round trip (<see cref="TopCustomersStatement"/>): an index scan for
/// either timeframe (<see cref="RankingIndexes"/>), and the dataset's span from the two event-time indexes.
/// </summary>
/// <remarks>
/// One statement is one snapshot: the pointer, the span, the ranking and the lag all belong to the same committed state,
/// so a daemon batch or a switch of copies lands wholly before or wholly after the answer.
/// </remarks>
public sealed class TopCustomersQuery(IDocumentStore store)
{
    private readonly TopCustomersStatement _byRevenue = new(store, Timeframe.Dataset);
    private readonly TopCustomersStatement _byWeeklyValue = new(store, Timeframe.Customer);

    public async Task<TopCustomersAnswer> ExecuteAsync(int x, LtvSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentNullException.ThrowIfNull(settings);
        var statement = settings.Timeframe == Timeframe.Dataset ? _byRevenue : _byWeeklyValue;
        await using var session = store.QuerySession();

        var live = (await session.AdvancedSql.QueryAsync<LiveRanking>(statement.Sql, ct, statement.Parameters(x))).Single();
        int? datasetWeeks = live is { First: { } first, Last: { } last } ? WeekCalendar.WeeksBetween(first, last) : null;
        return new TopCustomersAnswer([.. live.Customers.Select(c => Result(c, settings, datasetWeeks))], settings, datasetWeeks, live.Lag);
    }

    /// <summary>The statement's one row, as Marten's serializer reads its JSON object.</summary>
    /// <remarks>
    /// PostgreSQL writes the times with the session's offset: the same instants, and WeekCalendar counts weeks in UTC.
    /// </remarks>
    private sealed record LiveRanking(DateTimeOffset? First, DateTimeOffset? Last, long Lag, IReadOnlyList<CustomerLifetime> Customers);

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
