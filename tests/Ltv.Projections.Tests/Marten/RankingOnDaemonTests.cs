using JasperFx.Events.Daemon;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Ranking;
using Ltv.Testing;
using Npgsql;

namespace Ltv.Projections.Tests.Marten;

/// <summary>LtvRanking on Marten's async daemon: the domain's ranking of the whole log, read by index scans.</summary>
public sealed class RankingOnDaemonTests(RankingOnDaemonTests.CaughtUpLog log) : IClassFixture<RankingOnDaemonTests.CaughtUpLog>
{
    private static readonly List<string> Generated = [.. SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 300, Seed: 23))];

    /// <summary>The generated log appended once per test class, and the daemon caught up with it.</summary>
    public sealed class CaughtUpLog() : AppendedLog(Generated);

    [Theory]
    [MemberData(nameof(RankingTests.Settings), MemberType = typeof(RankingTests))]
    public async Task top_x_equals_the_domain_ranking_of_the_whole_log_with_no_lag(Timeframe timeframe, double lifespan)
    {
        var settings = new LtvSettings(timeframe, (decimal)lifespan);

        var answer = await new TopCustomersQuery(log.Marten.Store).ExecuteAsync(1000, settings, CancellationToken.None);

        answer.Customers.ShouldBe(LtvOracle.Top(Generated, settings, 1000));
        answer.Lag.ShouldBe(0);
        var all = LtvOracle.Customers(Generated);
        answer.DatasetWeeks.ShouldBe(WeekCalendar.WeeksBetween(all.Min(c => c.FirstEventTime!.Value), all.Max(c => c.LastEventTime!.Value)));
    }

    [Fact]
    public async Task a_short_top_is_the_head_of_the_long_one()
    {
        var query = new TopCustomersQuery(log.Marten.Store);

        var top10 = await query.ExecuteAsync(10, LtvSettings.Default, CancellationToken.None);
        var top1000 = await query.ExecuteAsync(1000, LtvSettings.Default, CancellationToken.None);

        top10.Customers.ShouldBe(top1000.Customers.Take(10));
    }

    [Fact]
    public async Task events_appended_after_the_catch_up_show_as_lag_until_the_daemon_applies_them()
    {
        var late = new CustomerEvent.SiteVisited(
            new Ltv.Domain.Customers.CustomerId("late-visitor"), "p-late", DateTimeOffset.Parse("2017-01-08T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), null);
        await new EventLogAppender(log.Marten.Store).AppendAsync([late], alongside: null, CancellationToken.None);
        var query = new TopCustomersQuery(log.Marten.Store);

        (await query.ExecuteAsync(1, LtvSettings.Default, CancellationToken.None)).Lag.ShouldBe(1);

        using var daemon = await log.Marten.Store.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        (await query.ExecuteAsync(1, LtvSettings.Default, CancellationToken.None)).Lag.ShouldBe(0);
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("weekly_value")]
    public async Task top_x_reads_the_first_entries_of_an_index_and_sorts_nothing(string key)
    {
        // The statement TopCustomersQuery gives Marten, on the document table Marten made for RankedCustomer.
        var table = $"{log.Marten.Schema}.mt_doc_ltv_ranking";
        await using var connection = await log.Marten.Database.DataSource.OpenConnectionAsync();
        await using (var analyze = new NpgsqlCommand($"analyze {table}", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            $"explain select d.data from {table} as d order by d.{key} desc, d.id collate \"C\" limit 10", connection);
        var plan = string.Join('\n', await ReadAllAsync(explain));

        plan.ShouldContain("Index Scan");
        plan.ShouldNotContain("Sort");
    }

    [Theory]
    [InlineData(Timeframe.Dataset, "revenue")]
    [InlineData(Timeframe.Customer, "weekly_value")]
    public async Task the_one_statement_probes_the_event_time_indexes_scans_the_key_index_and_never_reads_the_other_copy(
        Timeframe timeframe, string key)
    {
        // Statistics of every table the statement reads, as a store running a while has them.
        await using (var connection = await log.Marten.Database.DataSource.OpenConnectionAsync())
        await using (var analyze = new NpgsqlCommand("analyze", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var statement = new TopCustomersStatement(log.Marten.Store, timeframe);
        await using var session = log.Marten.Store.QuerySession();
        var plan = string.Join('\n', await session.AdvancedSql.QueryAsync<string>(
            "explain (analyze, costs off, timing off, summary off) " + statement.Sql, CancellationToken.None, statement.Parameters(10)));

        plan.ShouldContain($"Index Scan using mt_doc_ltv_ranking_idx_{key} on mt_doc_ltv_ranking", Case.Sensitive, plan);
        plan.ShouldContain("Index Only Scan using mt_doc_ltv_ranking_idx_first_event_time", Case.Sensitive, plan);
        plan.ShouldContain("Index Only Scan Backward using mt_doc_ltv_ranking_idx_last_event_time", Case.Sensitive, plan);
        plan.ShouldNotContain("Seq Scan on mt_doc_ltv_ranking ", Case.Sensitive, plan);

        // The lag: a range of the events' primary key from the position to the head, and no parallel workers, whose start
        // alone cost 50-90 ms at 1M events.
        plan.ShouldContain("Index Cond: ((seq_id > COALESCE(", Case.Sensitive, plan);
        plan.ShouldNotContain("Seq Scan on mt_events", Case.Sensitive, plan);
        plan.ShouldNotContain("Gather", Case.Sensitive, plan);
        plan.Split('\n').Where(line => line.Contains("mt_doc_ltv_ranking_green", StringComparison.Ordinal))
            .ShouldAllBe(line => line.Contains("never executed"), plan);
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
