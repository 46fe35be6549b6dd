using System.Text;
using Ltv.Domain.Validation;
using Ltv.Host.Ingestion;
using Ltv.Testing;

namespace Ltv.Host.Tests.Ingestion;

public sealed class RetryTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private const string StillBad = """{"type": "ORDER", "verb": "NEW", "key": "r-bad", "event_time": "2017-01-06T12:00:00Z", "customer_id": "retry-1", "total_amount": "3.00 EUR"}""";
    private const string NowGood = """{"type": "ORDER", "verb": "NEW", "key": "r-good", "event_time": "2017-01-06T12:00:00Z", "customer_id": "retry-1", "total_amount": "3.00 USD"}""";

    [Fact]
    public async Task a_retry_appends_the_rejections_that_pass_now_and_leaves_the_rest()
    {
        var summary = await app.IngestLinesAsync([StillBad]);
        await StoreOldRejectionsAsync(summary.RunId, "invalid event_time", NowGood);

        var retry = await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, reason: null, default);
        await app.CatchUpAsync();

        (retry.Retried, retry.Resolved, retry.Accepted).ShouldBe((2, 1, 1));
        retry.StillRejected.ShouldBe(new Dictionary<string, long> { ["unsupported currency EUR"] = 1 });
        (await app.Get<Projections.Store.Customers.CustomerQuery>().ExecuteAsync("retry-1", default))!.Revenue.ShouldBe(3.00m);
        var open = await app.Get<RejectedEventStore>().ListAsync(summary.RunId, null, includeResolved: false, 0, 100, default);
        open.ShouldHaveSingleItem().Text.ShouldBe(StillBad);
        var all = await app.Get<RejectedEventStore>().ListAsync(summary.RunId, null, includeResolved: true, 0, 100, default);
        all.Single(r => r.Text == NowGood).RetriedBy.ShouldBe(retry.RunId);
    }

    [Fact]
    public async Task retrying_twice_appends_nothing_more()
    {
        var summary = await app.IngestLinesAsync([StillBad.Replace("r-bad", "r-bad-2", StringComparison.Ordinal)]);
        await StoreOldRejectionsAsync(summary.RunId, "invalid event_time", Order("retry-2", "r-good-2"));
        var first = await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, null, default);

        var second = await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, null, default);

        (first.Resolved, first.Accepted).ShouldBe((1, 1), "the first retry had something to append");
        (second.Resolved, second.Accepted).ShouldBe((0, 0));
    }

    [Fact]
    public async Task bug_retry_stopped_at_a_page_of_conflicting_duplicates()
    {
        var run = await app.Get<IngestRunStore>().StartAsync(["paged.ndjson"], default);
        // More than a page (1,000) of rejections the retry leaves alone, then one that passes now.
        await StoreOldRejectionsAsync(run, RejectionReasons.ConflictingDuplicate, Order("retry-3", "r-conflict"), count: 1_001);
        await StoreOldRejectionsAsync(run, "invalid event_time", Order("retry-3", "r-after-the-page"));

        var retry = await app.Get<RejectedRetryHandler>().HandleAsync(run, null, default);

        (retry.Retried, retry.Resolved, retry.Accepted).ShouldBe((1, 1, 1));
    }

    private static string Order(string customer, string key) =>
        NowGood.Replace("retry-1", customer, StringComparison.Ordinal).Replace("r-good", key, StringComparison.Ordinal);

    /// <summary>
    /// Rejections stored under rules that have since changed: their text may pass today's validation. A store keeps
    /// each (reason, bytes) once, so copies differ by trailing blanks, and each gets the fingerprint RejectionFingerprint
    /// gives it (sha256 of the reason, a zero byte and the bytes).
    /// </summary>
    private async Task StoreOldRejectionsAsync(long runId, string reason, string raw, int count = 1)
    {
        await using var command = app.Database.DataSource.CreateCommand($"""
            insert into {app.Schema}.rejected_events (run_id, source, record_index, byte_offset, reason, raw, fingerprint)
            select @run, 'old.json', i, i * 100, @reason, copy, sha256(convert_to(@reason, 'UTF8') || '\x00'::bytea || copy)
            from generate_series(1, @count) i, lateral (select @raw || convert_to(repeat(' ', i - 1), 'UTF8') as copy) c
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("raw", Encoding.UTF8.GetBytes(raw));
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }
}
