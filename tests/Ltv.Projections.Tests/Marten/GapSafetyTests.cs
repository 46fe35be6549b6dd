using JasperFx.Events.Daemon;
using Ltv.Domain.Customers;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Ltv.Projections.Store.Status;
using Ltv.Projections.Tests.DailyStats;
using Ltv.Testing;
using Marten;
using Marten.Services;
using Npgsql;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// Gap safety of Marten's async daemon (DESIGN.md, "Subscriptions"): sequence numbers are taken when an append runs
/// and become visible when it commits, so a slow transaction leaves a gap below events that are already readable. The
/// daemon must wait for such a gap rather than skip it, and must get past a gap whose transaction died. Every test
/// ends by holding every async read model to a fold of the whole committed log.
/// </summary>
public sealed class GapSafetyTests
{
    private static readonly List<CustomerEvent> Events = [.. LtvOracle.AcceptedEvents(
        SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 60, Seed: 31, Days: 20)))];

    [Fact]
    public async Task events_of_a_transaction_held_open_while_others_commit_and_the_daemon_runs_reach_every_read_model()
    {
        await WithStoreAsync(async marten =>
        {
            var (held, others) = Split(Events, customers: 10);
            using var daemon = await marten.Store.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();

            await using var connection = await marten.Database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var session = marten.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                AppendPerStream(session, held);
                await session.SaveChangesAsync(); // takes sequence numbers; commits nothing
            }

            await AppendInBatchesAsync(marten, others, batches: 5);

            // Long past the daemon's stale-sequence threshold, with committed events above the open transaction's: the
            // daemon waits at the gap, so nothing above it is projected yet.
            await Task.Delay(TimeSpan.FromSeconds(8));
            (await CommittedCountAsync(marten)).ShouldBe(others.Count);
            var status = await new StoreStatusQuery(marten.Store, marten.Database.DataSource, marten.Schema).ExecuteAsync(CancellationToken.None);
            (status.HighWaterMark, status.SkippedGaps).ShouldBe((0L, 0L));
            status.OldestOpenTransactionSeconds.ShouldNotBeNull().ShouldBeGreaterThan(7);
            (await RankedCountAsync(marten)).ShouldBe(0);
            await transaction.CommitAsync();
            await daemon.WaitForNonStaleData(TimeSpan.FromMinutes(1));

            // No skip count is asserted from here on: when the commit lands between Marten's gap walk and its liveness
            // probe, the probe finds no live reserver and records a skip of a gap that is already filled. That is
            // harmless (the daemon reads the range after the commit, so its events are projected) and the fold below
            // is what proves it.
            await ShouldEqualTheFoldOfTheLogAsync(marten);
            await daemon.StopAllAsync();
        });
    }

    [Fact]
    public async Task a_writer_killed_mid_batch_leaves_a_gap_the_daemon_gets_past_and_a_retry_of_its_batch_lands_in_every_read_model()
    {
        await WithStoreAsync(async marten =>
        {
            var (killed, others) = Split(Events, customers: 10);
            using var daemon = await marten.Store.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();

            var connection = await marten.Database.DataSource.OpenConnectionAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using (var session = marten.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                AppendPerStream(session, killed);
                await session.SaveChangesAsync();
            }

            await AppendInBatchesAsync(marten, others, batches: 3);
            await TerminateAsync(marten, connection.ProcessID);
            await Should.ThrowAsync<Exception>(() => transaction.CommitAsync());
            await connection.DisposeAsync();
            await AppendInBatchesAsync(marten, others, batches: 2); // sent again: all duplicates

            await daemon.WaitForNonStaleData(TimeSpan.FromMinutes(1));
            await ShouldEqualTheFoldOfTheLogAsync(marten);
            (await CommittedCountAsync(marten)).ShouldBe(others.Count);
            (await SkippedGapsAsync(marten)).ShouldBeGreaterThan(0, "the dead transaction's gap is recorded as skipped");

            // The writer's retry: its whole batch, appended after the gap it left.
            await AppendInBatchesAsync(marten, killed, batches: 1);
            await daemon.WaitForNonStaleData(TimeSpan.FromMinutes(1));
            await ShouldEqualTheFoldOfTheLogAsync(marten);
            (await CommittedCountAsync(marten)).ShouldBe(Events.Count);
            await daemon.StopAllAsync();
        });
    }

    private static async Task WithStoreAsync(Func<MartenStore, Task> test)
    {
        var marten = new MartenStore();
        await marten.InitializeAsync();
        try
        {
            await test(marten);
        }
        finally
        {
            await marten.DisposeAsync();
        }
    }

    private static (List<CustomerEvent> Chosen, List<CustomerEvent> Others) Split(List<CustomerEvent> events, int customers)
    {
        var first = events.Select(e => e.CustomerId).Distinct().Take(customers).ToHashSet();
        return ([.. events.Where(e => first.Contains(e.CustomerId))], [.. events.Where(e => !first.Contains(e.CustomerId))]);
    }

    private static void AppendPerStream(IDocumentSession session, IEnumerable<CustomerEvent> events)
    {
        foreach (var stream in events.GroupBy(e => e.CustomerId))
        {
            session.Events.Append(stream.Key.Value, stream.Select(StoredEvents.Wrap).ToArray());
        }
    }

    private static async Task AppendInBatchesAsync(MartenStore marten, List<CustomerEvent> events, int batches)
    {
        var appender = new EventLogAppender(marten.Store);
        var size = (events.Count + batches - 1) / batches;
        foreach (var batch in events.Chunk(size))
        {
            await appender.AppendAsync(batch, alongside: null, CancellationToken.None);
        }
    }

    private static async Task ShouldEqualTheFoldOfTheLogAsync(MartenStore marten)
    {
        await using var session = marten.Store.QuerySession();
        var log = (await session.Events.QueryAllRawEvents().ToListAsync()).Select(e => (CustomerEvent)e.Data).ToList();
        var customers = log.GroupBy(e => e.CustomerId).Select(g => CustomerLifetime.From(g.Key, g)).ToList();

        foreach (var settings in new[] { LtvSettings.Default, new LtvSettings(Timeframe.Customer) })
        {
            var answer = await new TopCustomersQuery(marten.Store).ExecuteAsync(customers.Count + 1, settings, CancellationToken.None);
            answer.Customers.ShouldBe(LtvRanking.Rank(customers, settings), $"ranking, {settings.Timeframe} timeframe");
        }

        (await DailyStatsTablesReader.RowsAsync(marten.Database.DataSource, DailyStatsRegistration.TablesIn(marten.Schema)))
            .ShouldBe(DailyStatsReference.From(log).Rows, "daily statistics");
    }

    private static async Task<long> SkippedGapsAsync(MartenStore marten) =>
        (await new StoreStatusQuery(marten.Store, marten.Database.DataSource, marten.Schema).ExecuteAsync(CancellationToken.None)).SkippedGaps;

    private static async Task<long> RankedCountAsync(MartenStore marten) =>
        await ScalarAsync(marten, $"select count(*) from {marten.Schema}.mt_doc_ltv_ranking");

    private static async Task<long> CommittedCountAsync(MartenStore marten) =>
        await ScalarAsync(marten, $"select count(*) from {marten.Schema}.mt_events");

    private static async Task TerminateAsync(MartenStore marten, int processId)
    {
        await using var command = marten.Database.DataSource.CreateCommand("select pg_terminate_backend(@pid)");
        command.Parameters.AddWithValue("pid", processId);
        await command.ExecuteScalarAsync();
    }

    private static async Task<long> ScalarAsync(MartenStore marten, string sql)
    {
        await using var command = marten.Database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
