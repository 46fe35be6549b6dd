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
/// (<see cref="TopCustomersQuery"/>, one statement) on the same store in the same run. Run with
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
        foreach (var timeframe in new[] { Timeframe.Dataset, Timeframe.Customer })
        {
            var settings = new LtvSettings(timeframe);
            var old = await before.ExecuteAsync(10, timeframe, CancellationToken.None);
            var now = await after.ExecuteAsync(10, settings, CancellationToken.None);
            now.Customers.Select(c => c.CustomerId.Value).ShouldBe(old.Ids);
            (now.DatasetWeeks, now.Lag).ShouldBe((old.DatasetWeeks, old.Lag));

            var (beforeTimes, afterTimes) = await TimeAsync(
                () => before.ExecuteAsync(10, timeframe, CancellationToken.None),
                () => after.ExecuteAsync(10, settings, CancellationToken.None));
            output.WriteLine($"{timeframe} timeframe, top 10: before {Describe(beforeTimes)}; after {Describe(afterTimes)}");

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
    /// Both queries in turn, so that whatever else the machine runs meanwhile weighs on both alike: a warm-up, then
    /// <see cref="Queries"/> timed calls of each.
    /// </summary>
    private static async Task<(double[] Before, double[] After)> TimeAsync(Func<Task> before, Func<Task> after)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp)
        {
            await before();
            await after();
        }

        var (beforeTimes, afterTimes) = (new double[Queries], new double[Queries]);
        for (var i = 0; i < Queries; i++)
        {
            beforeTimes[i] = await TimeAsync(before);
            afterTimes[i] = await TimeAsync(after);
        }

        Array.Sort(beforeTimes);
        Array.Sort(afterTimes);
        return (beforeTimes, afterTimes);
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
