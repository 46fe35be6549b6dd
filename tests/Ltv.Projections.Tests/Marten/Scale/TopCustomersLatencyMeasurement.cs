using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Ranking;
using Ltv.Testing;
using Marten;
using Npgsql;
using Xunit.Abstractions;

namespace Ltv.Projections.Tests.Marten.Scale;

/// <summary>
/// Top 10 latency at about a million events, before (<see cref="SixRoundTripTopCustomers"/>) and after
/// (<see cref="TopCustomersQuery"/>, one statement) on the same store in the same run, and after with Npgsql preparing
/// the statement. Run with
/// <c>LTV_SCALE=1 dotnet test tests/Ltv.Projections.Tests -c Release --filter TopCustomersLatency --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class TopCustomersLatencyMeasurement(ITestOutputHelper output) : IAsyncLifetime
{
    // 118,000 customers generate about a million events (docs/MARTEN.md); LTV_SCALE_CUSTOMERS sets a smaller store.
    private static readonly int Customers = int.TryParse(Environment.GetEnvironmentVariable("LTV_SCALE_CUSTOMERS"), out var n) ? n : 118_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private const int Queries = 1_000;

    private readonly MartenStore _marten = new();

    public Task InitializeAsync() => _marten.InitializeAsync();

    public Task DisposeAsync() => _marten.DisposeAsync();

    [ScaleFact]
    public async Task top_10_before_and_after_at_a_million_events()
    {
        var store = _marten.Store;
        var events = await LoadAsync(store);
        await CatchUpTheLiveRankingAsync(store);
        await AnalyzeAsync();
        output.WriteLine($"{events:N0} events, {Customers:N0} customers generated");

        var before = new SixRoundTripTopCustomers(store);
        var after = new TopCustomersQuery(store);

        // Not the product's setting: how much of what is left is PostgreSQL planning the statement on every call.
        var prepared = new NpgsqlConnectionStringBuilder(_marten.Database.ConnectionString) { MaxAutoPrepare = 10 };
        await using var preparingStore = DocumentStore.For(options => options.ConfigureLtvStore(prepared.ConnectionString, _marten.Schema));
        var afterPrepared = new TopCustomersQuery(preparingStore);
        foreach (var timeframe in new[] { Timeframe.Dataset, Timeframe.Customer })
        {
            var settings = new LtvSettings(timeframe);
            var old = await before.ExecuteAsync(10, timeframe, CancellationToken.None);
            var now = await after.ExecuteAsync(10, settings, CancellationToken.None);
            now.Customers.Select(c => c.CustomerId.Value).ShouldBe(old.Ids);
            (now.DatasetWeeks, now.Lag).ShouldBe((old.DatasetWeeks, old.Lag));

            var times = await TimeAsync(
                () => before.ExecuteAsync(10, timeframe, CancellationToken.None),
                () => after.ExecuteAsync(10, settings, CancellationToken.None),
                () => afterPrepared.ExecuteAsync(10, settings, CancellationToken.None));
            output.WriteLine(
                $"{timeframe} timeframe, top 10: before {Describe(times[0])}; after {Describe(times[1])}; " +
                $"after, prepared (Max Auto Prepare) {Describe(times[2])}");

            var statement = new TopCustomersStatement(store, timeframe);
            await using var session = store.QuerySession();
            var plan = await session.AdvancedSql.QueryAsync<string>(
                "explain (analyze, costs off) " + statement.Sql, CancellationToken.None, statement.Parameters(10));
            output.WriteLine(string.Join('\n', plan));
        }
    }

    /// <summary>The generated log, one stream per customer, through Marten's COPY path: seeding, not ingest.</summary>
    private static async Task<int> LoadAsync(IDocumentStore store)
    {
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers, Seed: 11));
        var streams = LtvOracle.AcceptedEvents(lines)
            .GroupBy(e => e.CustomerId.Value)
            .Select(s => StreamAction.Start((IEventRegistry)store.Options.Events, s.Key, [.. s.Select(StoredEvents.Wrap)]))
            .ToList();
        await store.BulkInsertEventsAsync(streams);
        return streams.Sum(s => s.Events.Count);
    }

    /// <summary>
    /// Runs the live copy's shard only (blue: no pointer row yet) until it holds every event. Marten's waits cover every
    /// projection, and the other three shards would triple the catch-up without changing what top X reads.
    /// </summary>
    private static async Task CatchUpTheLiveRankingAsync(DocumentStore store)
    {
        var shard = new ShardName(RankingRegistration.ReadModelName);
        var head = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAgentAsync(shard, CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (await store.Advanced.ProjectionProgressFor(shard) < head)
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(8), "catch-up of the live ranking");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await daemon.StopAllAsync();
    }

    /// <summary>Statistics as autovacuum would leave them on a store that has been running a while.</summary>
    private async Task AnalyzeAsync()
    {
        await using var connection = await _marten.Database.DataSource.OpenConnectionAsync();
        await using var analyze = new NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The queries in turn, so that whatever else the machine runs meanwhile weighs on all alike: a warm-up, then
    /// <see cref="Queries"/> timed calls of each, sorted.
    /// </summary>
    private static async Task<double[][]> TimeAsync(params Func<Task>[] queries)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp)
        {
            foreach (var query in queries)
            {
                await query();
            }
        }

        var times = queries.Select(_ => new double[Queries]).ToArray();
        for (var i = 0; i < Queries; i++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                times[q][i] = await TimeAsync(queries[q]);
            }
        }

        foreach (var sorted in times)
        {
            Array.Sort(sorted);
        }

        return times;
    }

    private static async Task<double> TimeAsync(Func<Task> query)
    {
        var one = Stopwatch.StartNew();
        await query();
        return one.Elapsed.TotalMilliseconds;
    }

    private static string Describe(double[] sorted) =>
        FormattableString.Invariant($"p50 {sorted[sorted.Length / 2]:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99) - 1]:F2} ms");
}
