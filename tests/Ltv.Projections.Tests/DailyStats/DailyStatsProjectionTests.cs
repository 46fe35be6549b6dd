using Ltv.Domain.DailyStats;
using Ltv.Host.Generation;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using DailyStatsProjection = Ltv.Projections.Store.DailyStats.DailyStatsProjection;
using Ltv.Testing;

namespace Ltv.Projections.Tests.DailyStats;

/// <summary>
/// The DailyStats projection and its queries against the pure reference (Ltv.Domain.DailyStats), for random
/// event sets in random arrival orders, ingested in random pieces and applied in batches of many sizes.
/// </summary>
public sealed class DailyStatsProjectionTests
{
    private static List<string> Shuffled(IEnumerable<string> lines, Random random) => [.. lines.OrderBy(_ => random.Next())];

    private static IEnumerable<string> RandomEvents(int seed) =>
        SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 25, Seed: seed, Days: 30)).Concat(TangledEvents.Generate(seed, 40));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task every_figure_equals_the_reference_for_any_arrival_order_and_any_split_of_the_ingest(int seed)
    {
        await using var app = await LtvTestApp.StartAsync();
        var random = new Random(seed);
        var lines = Shuffled(RandomEvents(seed), random);
        for (var at = 0; at < lines.Count;)
        {
            var size = random.Next(1, lines.Count / 4);
            await app.IngestLinesAsync(lines.Skip(at).Take(size));
            at += size;
        }

        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        (await DailyStatsTablesReader.RowsAsync(app.Database.DataSource, await app.LiveDailyStatsTablesAsync())).ShouldBe(reference.Rows);
        await new StatsComparison(app.Get<DailyStatsQuery>(), app.Get<PeriodCustomersQuery>(), reference).ShouldAgreeAsync();
    }

    [Fact]
    public async Task any_split_of_the_log_into_batches_gives_the_same_tables()
    {
        var lines = Shuffled(TangledEvents.Generate(seed: 9, customers: 30), new Random(9));
        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        string? expected = null;

        // Marten's daemon applies the log in batches of the given size: each store sees the same log cut differently.
        foreach (var batchSize in new[] { 500, 1, 2, 7, 50 })
        {
            await using var app = await LtvTestApp.StartAsync(daemonBatchSize: batchSize);
            await app.IngestLinesAsync(lines);
            var tables = await app.LiveDailyStatsTablesAsync();
            var dump = await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, tables);
            expected ??= dump;

            dump.ShouldBe(expected, $"batches of {batchSize}");
            (await DailyStatsTablesReader.RowsAsync(app.Database.DataSource, tables)).ShouldBe(reference.Rows, $"batches of {batchSize}");
            await new StatsComparison(app.Get<DailyStatsQuery>(), app.Get<PeriodCustomersQuery>(), reference).ShouldAgreeAsync();
        }
    }

    [Fact]
    public async Task duplicates_change_no_figure()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = TangledEvents.Generate(seed: 4, customers: 20);
        await app.IngestLinesAsync(lines);
        var tables = await app.LiveDailyStatsTablesAsync();
        var before = await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, tables);

        var again = await app.IngestLinesAsync(Shuffled(lines, new Random(4)));

        again.Duplicates.ShouldBe(again.Read);
        (await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, tables)).ShouldBe(before);
    }

    [Fact]
    public async Task a_backfill_gives_damaged_daily_statistics_back_every_figure()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = Shuffled(RandomEvents(5), new Random(5));
        await app.IngestLinesAsync(lines);
        var before = await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, await app.LiveDailyStatsTablesAsync());
        var answers = await ReadModelAnswers.AskAsync(app);
        var total = (await app.Get<ReadModelCatalog>().StatusAsync(default)).Events;
        await ReadModelDamage.DamageAsync(app.Database.ConnectionString, app.Schema.ToString(), DailyStatsProjection.ProjectionName);
        (await ReadModelAnswers.AskAsync(app)).ShouldNotBe(answers, "the damage shows in the answers");

        var result = await app.Get<ReadModelCatalog>().RebuildAsync(DailyStatsProjection.ProjectionName, progress: null, default);

        result.Events.ShouldBe(total);
        (await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, await app.LiveDailyStatsTablesAsync())).ShouldBe(before);
        (await ReadModelAnswers.AskAsync(app)).ShouldBe(answers);
        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        await new StatsComparison(app.Get<DailyStatsQuery>(), app.Get<PeriodCustomersQuery>(), reference).ShouldAgreeAsync();
    }
}
