using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Customers;
using Ltv.Projections.Store.Ranking;
using Ltv.Testing;
using Marten;

namespace Ltv.Projections.Tests;

public sealed class RebuildTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task rebuilding_damaged_read_models_while_ingesting_and_querying_keeps_answering_and_gives_the_rows_of_a_store_never_damaged(int seed)
    {
        var random = new Random(seed);
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 120, Seed: seed)).OrderBy(_ => random.Next()).ToList();
        var (first, second) = (lines.Take(lines.Count / 2).ToList(), lines.Skip(lines.Count / 2).ToList());
        await using var rebuilt = await LtvTestApp.StartAsync();
        await using var live = await LtvTestApp.StartAsync();
        await rebuilt.IngestLinesAsync(first);
        var undamaged = await ReadModelAnswers.AskAsync(rebuilt);
        string[] rebuilding = [CustomerLifetimeProjection.ProjectionName, RankingRegistration.ReadModelName];
        await ReadModelDamage.DamageAsync(rebuilt.Database.ConnectionString, rebuilt.Schema.ToString(), rebuilding);
        (await ReadModelAnswers.AskAsync(rebuilt)).ShouldNotBe(undamaged, "the damage shows in the answers");

        using var stopQueries = new CancellationTokenSource();
        var queries = QueryUntilStopped(rebuilt, stopQueries.Token);
        // The second half goes in as many small ingests one after another, started before the rebuilds and still
        // going when they end: one ingest of it could commit all its batches before the first rebuild begins.
        var firstCommitted = new TaskCompletionSource();
        var ingest = Task.Run(async () =>
        {
            foreach (var chunk in second.Chunk(10))
            {
                await rebuilt.IngestLinesAsync(chunk);
                firstCommitted.TrySetResult();
            }
        });
        await Task.WhenAny(firstCommitted.Task, ingest);
        if (ingest.IsFaulted)
        {
            await ingest;
        }

        // Rebuilt again while the ingest goes on, until a round saw the ingest commit during it: a round can fall
        // between two small ingests (CI saw that on one seed).
        var catalog = rebuilt.Get<ReadModelCatalog>();
        var overlapped = false;
        while (!overlapped && !ingest.IsCompleted)
        {
            var eventsBefore = await EventCount(rebuilt);
            foreach (var name in rebuilding)
            {
                await catalog.RebuildAsync(name, progress: null, default);
            }

            overlapped = await EventCount(rebuilt) > eventsBefore;
        }

        await ingest;
        await stopQueries.CancelAsync();
        var answered = await queries;

        await rebuilt.CatchUpAsync();
        await live.IngestLinesAsync(lines);
        answered.ShouldBeGreaterThan(0);
        overlapped.ShouldBeTrue("the ingest committed batches while the rebuilds ran");
        var expected = await AllRows(live);
        foreach (var (readModel, rows) in await AllRows(rebuilt))
        {
            rows.ShouldBe(expected[readModel], $"read model {readModel}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_rebuild_gives_a_damaged_or_emptied_read_model_back_the_rows_and_answers_it_had(bool emptied)
    {
        await using var app = await LtvTestApp.StartAsync();
        await app.IngestLinesAsync(SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 80, Seed: 5)));
        var catalog = app.Get<ReadModelCatalog>();
        catalog.Names.ShouldBe(ReadModelDamage.Names, ignoreOrder: true);
        var rows = await AllRows(app);
        var answers = await ReadModelAnswers.AskAsync(app);
        Func<string, string, string[], Task> damage = emptied ? ReadModelDamage.EmptyAsync : ReadModelDamage.DamageAsync;

        foreach (var name in catalog.Names)
        {
            await damage(app.Database.ConnectionString, app.Schema.ToString(), [name]);
            (await ReadModelAnswers.AskAsync(app)).ShouldNotBe(answers, $"the damage to {name} shows in the answers");

            await catalog.RebuildAsync(name, progress: null, default);

            foreach (var (readModel, rebuilt) in await AllRows(app))
            {
                rebuilt.ShouldBe(rows[readModel], $"read model {readModel} after rebuilding {name}");
            }

            (await ReadModelAnswers.AskAsync(app)).ShouldBe(answers, $"after rebuilding {name}");
        }
    }

    /// <summary>
    /// What each read model holds, independent of arrival order and of which copy is live: every CustomerLifetime
    /// document, the whole ranking in both timeframes, and every row of the live DailyStats copy.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> AllRows(LtvTestApp app)
    {
        await using var session = app.Get<IDocumentStore>().QuerySession();
        var lifetimes = await session.Query<CustomerLifetime>().ToListAsync();
        const int everyone = 1_000_000;
        return new Dictionary<string, List<string>>
        {
            [CustomerLifetimeProjection.ProjectionName] = [.. lifetimes.Select(JsonOf).Order(StringComparer.Ordinal)],
            [RankingRegistration.ReadModelName] =
            [
                .. (await app.TopAsync(everyone, LtvSettings.Default)).Select(JsonOf),
                .. (await app.TopAsync(everyone, new LtvSettings(Timeframe.Customer))).Select(JsonOf),
            ],
            [Store.DailyStats.DailyStatsProjection.ProjectionName] =
                [await DailyStats.DailyStatsTablesReader.DumpAsync(app.Database.DataSource, await app.LiveDailyStatsTablesAsync())],
        };
    }

    private static string JsonOf<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static async Task<int> QueryUntilStopped(LtvTestApp app, CancellationToken stop)
    {
        var answered = 0;
        while (!stop.IsCancellationRequested)
        {
            // Any failure here (a missing table during the switch, say) fails the test.
            await app.TopAsync(10, new LtvSettings(Timeframe.Customer));
            await app.Get<CustomerQuery>().ExecuteAsync("c0000001", default);
            answered++;
        }

        return answered;
    }

    private static async Task<long> EventCount(LtvTestApp app)
    {
        await using var command = app.Database.DataSource.CreateCommand($"select count(*) from {app.Schema.Qualify("mt_events")} where stream_id <> 'mt_tombstone'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
