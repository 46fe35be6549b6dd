using Ltv.Domain.DailyStats;
using Ltv.EventStore.Projections;
using Ltv.Host.Generation;
using Ltv.Projections.DailyStats;
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
        var projection = app.Get<DailyStatsProjection>();
        (await DailyStatsTablesReader.RowsAsync(app.Database.DataSource, projection.Tables)).ShouldBe(reference.Rows);
        await new StatsComparison(app.Get<DailyStatsQuery>(), app.Get<PeriodCustomersQuery>(), reference).ShouldAgreeAsync();
    }

    [Fact]
    public async Task any_split_of_the_log_into_batches_gives_the_same_tables()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = Shuffled(TangledEvents.Generate(seed: 9, customers: 30), new Random(9));
        await app.IngestLinesAsync(lines);
        var live = app.Get<DailyStatsProjection>();
        var expected = await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, live.Tables);
        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));

        foreach (var batchSize in new[] { 1, 2, 7, 50 })
        {
            var copy = new DailyStatsProjection(app.Schema, $"_batch{batchSize}");
            await RegisterAsync(app, copy);
            var result = await new AsyncProjectionRunner(app.Database.DataSource, app.Schema, copy, batchSize).CatchUpAsync(TimeSpan.FromSeconds(60), default);

            result.ReachedHead.ShouldBeTrue();
            (await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, copy.Tables)).ShouldBe(expected, $"batches of {batchSize}");
            (await DailyStatsTablesReader.RowsAsync(app.Database.DataSource, copy.Tables)).ShouldBe(reference.Rows, $"batches of {batchSize}");
            await new StatsComparison(new DailyStatsQuery(app.Database.DataSource, copy), new PeriodCustomersQuery(app.Database.DataSource, copy), reference)
                .ShouldAgreeAsync();
        }
    }

    [Fact]
    public async Task duplicates_change_no_figure()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = TangledEvents.Generate(seed: 4, customers: 20);
        await app.IngestLinesAsync(lines);
        var tables = app.Get<DailyStatsProjection>().Tables;
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
        var tables = app.Get<DailyStatsProjection>().Tables;
        var before = await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, tables);
        var answers = await ReadModelAnswers.AskAsync(app);
        var total = (await app.Get<ProjectionCatalog>().StatusAsync(default)).Events;
        await ReadModelDamage.DamageAsync(app.Database.ConnectionString, app.Schema.ToString(), DailyStatsProjection.ProjectionName);
        (await ReadModelAnswers.AskAsync(app)).ShouldNotBe(answers, "the damage shows in the answers");

        var result = await app.Get<ProjectionCatalog>().RebuildAsync(DailyStatsProjection.ProjectionName, progress: null, default);

        result.Events.ShouldBe(total);
        (await DailyStatsTablesReader.DumpAsync(app.Database.DataSource, tables)).ShouldBe(before);
        (await ReadModelAnswers.AskAsync(app)).ShouldBe(answers);
        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        await new StatsComparison(app.Get<DailyStatsQuery>(), app.Get<PeriodCustomersQuery>(), reference).ShouldAgreeAsync();
    }

    private static async Task RegisterAsync(LtvTestApp app, IProjection projection)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await projection.CreateAsync(connection, transaction, default);
        await new ProjectionProgressStore(app.Schema).RegisterAsync(connection, transaction, projection, ProjectionStates.Running, default);
        await transaction.CommitAsync();
    }
}
