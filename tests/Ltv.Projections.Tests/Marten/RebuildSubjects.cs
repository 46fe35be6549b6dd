using Ltv.Domain.DailyStats;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Ltv.Projections.Tests.DailyStats;
using Ltv.Testing;
using Marten;
using DailyStatsProjection = Ltv.Projections.Store.DailyStats.DailyStatsProjection;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// One read model under rebuild, against the fold of a fixed log: its queries' answers, the contents of each copy, and
/// the damage done to a copy first so that a rebuild that does nothing fails.
/// </summary>
internal sealed class RebuildSubject(string readModel, MartenStore marten, IReadOnlyList<string> lines)
{
    private readonly IReadOnlyList<CustomerEvent> _events = LtvOracle.AcceptedEvents(lines);
    private readonly IReadOnlyList<CustomerLifetime> _customers = [.. LtvOracle.Customers(lines).OrderBy(c => c.Id, StringComparer.Ordinal)];
    private readonly DailyStatsReference _stats = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
    private int _asked;

    public string ReadModel => readModel;

    public int Events => _events.Count;

    /// <summary>Asks the read model's queries once and checks that the answer is the whole log's.</summary>
    public async Task AskAsync()
    {
        var n = Interlocked.Increment(ref _asked);
        switch (readModel)
        {
            case RankingRegistration.ReadModelName:
                var settings = new LtvSettings(n % 2 == 0 ? Timeframe.Dataset : Timeframe.Customer, 3);
                var top = await new TopCustomersQuery(marten.Store).ExecuteAsync(_customers.Count, settings, CancellationToken.None);
                top.Customers.ShouldBe(LtvOracle.Top(lines, settings, _customers.Count), $"answer {n}");
                top.Lag.ShouldBe(0, $"answer {n}");
                break;
            case DailyStatsProjection.ProjectionName:
                var (from, to) = (_stats.Days[0], _stats.Days[^1]);
                var live = DailyStatsRegistration.LiveIn(marten.Schema);
                var range = await new DailyStatsQuery(marten.Database.DataSource, live).RangeAsync(from, to, CancellationToken.None);
                var expected = _stats.Range(from, to);
                (range.Stats.Totals, range.Lag).ShouldBe((expected.Totals, 0L), $"answer {n}");
                range.Stats.Days.ShouldBe(expected.Days, $"answer {n}");
                var customers = new PeriodCustomersQuery(marten.Database.DataSource, live);
                (await customers.TopAsync(from, to, TopMetric.Revenue, 20, CancellationToken.None)).Stats
                    .ShouldBe(_stats.Top(from, to, TopMetric.Revenue, 20), $"answer {n}");
                var repeaters = (await customers.RepeatersAsync(DayWindow.All, withList: true, CancellationToken.None)).Stats;
                (repeaters.Repeaters, repeaters.Buyers).ShouldBe((_stats.Repeaters(DayWindow.All).Repeaters, _stats.Repeaters(DayWindow.All).Buyers), $"answer {n}");
                repeaters.Customers.ShouldBe(_stats.Repeaters(DayWindow.All).Customers, $"answer {n}");
                break;
            default:
                var customer = _customers[n % _customers.Count];
                (await new CustomerLifetimeQuery(marten.Store).ExecuteAsync(customer.Id, CancellationToken.None)).ShouldBe(customer, $"answer {n}");
                break;
        }
    }

    /// <summary>Checks that a copy holds exactly the fold of the whole log.</summary>
    public async Task ShouldHoldTheWholeLogAsync(ReadModelCopy copy)
    {
        switch (readModel)
        {
            case RankingRegistration.ReadModelName:
                (await RankedAsync(copy)).ShouldBe(_customers, $"copy {copy}");
                break;
            case DailyStatsProjection.ProjectionName:
                (await DailyStatsTablesReader.RowsAsync(marten.Database.DataSource, DailyStatsRegistration.TablesIn(marten.Schema, copy)))
                    .ShouldBe(_stats.Rows, $"copy {copy}");
                break;
            default:
                await using (var session = marten.Store.QuerySession())
                {
                    (await session.Query<CustomerLifetime>().ToListAsync()).OrderBy(c => c.Id, StringComparer.Ordinal).ShouldBe(_customers);
                }

                break;
        }
    }

    /// <summary>Deletes a third of a copy and changes the rest, or empties it.</summary>
    public Task DamageAsync(ReadModelCopy copy, bool empty) => (readModel, copy, empty) switch
    {
        (RankingRegistration.ReadModelName, ReadModelCopy.Blue, false) =>
            ReadModelDamage.DamageDocumentsAsync<RankedCustomer.Blue>(marten.Store, c => c.Id, c => RankedCustomer.Blue.Of(ReadModelDamage.Damaged(c.Lifetime))),
        (RankingRegistration.ReadModelName, ReadModelCopy.Green, false) =>
            ReadModelDamage.DamageDocumentsAsync<RankedCustomer.Green>(marten.Store, c => c.Id, c => RankedCustomer.Green.Of(ReadModelDamage.Damaged(c.Lifetime))),
        (RankingRegistration.ReadModelName, ReadModelCopy.Blue, true) => ReadModelDamage.EmptyDocumentsAsync<RankedCustomer.Blue>(marten.Store),
        (RankingRegistration.ReadModelName, ReadModelCopy.Green, true) => ReadModelDamage.EmptyDocumentsAsync<RankedCustomer.Green>(marten.Store),
        (DailyStatsProjection.ProjectionName, _, false) =>
            ReadModelDamage.DamageAsync(marten.Database.ConnectionString, DailyStatsRegistration.TablesIn(marten.Schema, copy)),
        (DailyStatsProjection.ProjectionName, _, true) =>
            ReadModelDamage.EmptyAsync(marten.Database.ConnectionString, DailyStatsRegistration.TablesIn(marten.Schema, copy)),
        (_, _, false) => ReadModelDamage.DamageDocumentsAsync<CustomerLifetime>(marten.Store, c => c.Id, ReadModelDamage.Damaged),
        (_, _, true) => ReadModelDamage.EmptyDocumentsAsync<CustomerLifetime>(marten.Store),
    };

    private async Task<List<CustomerLifetime>> RankedAsync(ReadModelCopy copy)
    {
        await using var session = marten.Store.QuerySession();
        IEnumerable<RankedCustomer> ranked = copy == ReadModelCopy.Blue
            ? await session.Query<RankedCustomer.Blue>().ToListAsync()
            : await session.Query<RankedCustomer.Green>().ToListAsync();
        return [.. ranked.Select(c => c.Lifetime).OrderBy(c => c.Id, StringComparer.Ordinal)];
    }
}
