using Ltv.Domain.DailyStats;
using Ltv.Host.Generation;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Tests.DailyStats;
using Ltv.Testing;
using DailyStatsProjection = Ltv.Projections.Store.DailyStats.DailyStatsProjection;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// DailyStats on Marten's async daemon against the pure reference (Ltv.Domain.DailyStats): random event sets in random
/// arrival orders, appended in random pieces with the daemon catching up between pieces, so that later batches move
/// orders to other days and amend amounts that earlier batches stored.
/// </summary>
public sealed class DailyStatsOnDaemonTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task every_figure_equals_the_reference_for_any_arrival_order_and_any_split_into_batches(int seed)
    {
        var marten = new MartenStore();
        await marten.InitializeAsync();
        try
        {
            var random = new Random(seed);
            var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 25, Seed: seed, Days: 30))
                .Concat(TangledEvents.Generate(seed, 40))
                .OrderBy(_ => random.Next())
                .ToList();
            var events = LtvOracle.AcceptedEvents(lines);
            var appender = new EventLogAppender(marten.Store);
            for (var at = 0; at < events.Count;)
            {
                var size = random.Next(1, events.Count / 4);
                await appender.AppendAsync([.. events.Skip(at).Take(size)], alongside: null, CancellationToken.None);
                at += size;
                using var daemon = await marten.Store.BuildProjectionDaemonAsync();
                await daemon.CatchUpAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            }

            var tables = DailyStatsRegistration.TablesIn(marten.Schema);
            var lag = MartenLag.For(marten.Schema, DailyStatsProjection.ProjectionName);
            var reference = DailyStatsReference.From(events);
            (await DailyStatsTablesReader.RowsAsync(marten.Database.DataSource, tables)).ShouldBe(reference.Rows);
            await new StatsComparison(
                new DailyStatsQuery(marten.Database.DataSource, tables, lag),
                new PeriodCustomersQuery(marten.Database.DataSource, tables, lag),
                reference).ShouldAgreeAsync();
            await using var connection = await marten.Database.DataSource.OpenConnectionAsync();
            (await lag(connection, CancellationToken.None)).ShouldBe(0);
        }
        finally
        {
            await marten.DisposeAsync();
        }
    }
}
