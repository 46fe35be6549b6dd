using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Lifetime;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

public sealed class RebuildTests
{
    private static readonly string[] ReadModelTables =
        ["customer_lifetime", "customer_lifetime_orders", "ltv_ranking", "ltv_ranking_orders", "ltv_ranking_bounds"];

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
        string[] rebuilding = [CustomerLifetimeProjection.ProjectionName, Ranking.LtvRankingProjection.ProjectionName];
        await ReadModelDamage.DamageAsync(rebuilt.Database.ConnectionString, rebuilt.Schema.ToString(), rebuilding);
        (await ReadModelAnswers.AskAsync(rebuilt)).ShouldNotBe(undamaged, "the damage shows in the answers");

        using var stopQueries = new CancellationTokenSource();
        var queries = QueryUntilStopped(rebuilt, stopQueries.Token);
        var ingest = Task.Run(() => rebuilt.IngestLinesAsync(second));
        var catalog = rebuilt.Get<ProjectionCatalog>();
        var eventsBefore = await EventCount(rebuilt);
        foreach (var name in rebuilding)
        {
            await catalog.RebuildAsync(name, progress: null, default);
        }

        var eventsAfter = await EventCount(rebuilt);
        await ingest;
        await stopQueries.CancelAsync();
        var answered = await queries;

        await rebuilt.CatchUpAsync();
        await live.IngestLinesAsync(lines);
        answered.ShouldBeGreaterThan(0);
        eventsAfter.ShouldBeGreaterThan(eventsBefore, "the ingest committed batches while the rebuilds ran");
        foreach (var table in ReadModelTables)
        {
            (await Rows(rebuilt, table)).ShouldBe(await Rows(live, table), $"table {table}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_rebuild_gives_a_damaged_or_emptied_read_model_back_the_rows_and_answers_it_had(bool emptied)
    {
        await using var app = await LtvTestApp.StartAsync();
        await app.IngestLinesAsync(SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 80, Seed: 5)));
        var catalog = app.Get<ProjectionCatalog>();
        catalog.Names.ShouldBe(ReadModelDamage.Names, ignoreOrder: true);
        var rows = await AllRows(app);
        var answers = await ReadModelAnswers.AskAsync(app);
        Func<string, string, string[], Task> damage = emptied ? ReadModelDamage.EmptyAsync : ReadModelDamage.DamageAsync;

        foreach (var name in catalog.Names)
        {
            await damage(app.Database.ConnectionString, app.Schema.ToString(), [name]);
            (await ReadModelAnswers.AskAsync(app)).ShouldNotBe(answers, $"the damage to {name} shows in the answers");

            await catalog.RebuildAsync(name, progress: null, default);

            foreach (var (table, rebuilt) in await AllRows(app))
            {
                rebuilt.ShouldBe(rows[table], $"table {table} after rebuilding {name}");
            }

            (await ReadModelAnswers.AskAsync(app)).ShouldBe(answers, $"after rebuilding {name}");
        }
    }

    private static async Task<Dictionary<string, List<string>>> AllRows(LtvTestApp app)
    {
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in ReadModelTables.Concat(app.Get<DailyStatsProjection>().Tables.All))
        {
            rows[table] = await Rows(app, table);
        }

        return rows;
    }

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
        await using var command = app.Database.DataSource.CreateCommand($"select count(*) from {app.Schema.Qualify("events")}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> Rows(LtvTestApp app, string table)
    {
        await using var command = app.Database.DataSource.CreateCommand(
            $"select row_to_json(t)::text from {app.Schema.Qualify(table)} t order by 1");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
