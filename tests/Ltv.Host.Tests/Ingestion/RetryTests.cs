using System.Text;
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

        // A rejection stored under rules that have since changed: its text passes today's validation.
        await using (var command = app.Database.DataSource.CreateCommand(
            $"insert into {app.Schema}.rejected_events (run_id, source, record_index, byte_offset, reason, raw) values (@run, 'old.json', 7, 700, 'invalid event_time', @raw)"))
        {
            command.Parameters.AddWithValue("run", summary.RunId);
            command.Parameters.AddWithValue("raw", Encoding.UTF8.GetBytes(NowGood));
            await command.ExecuteNonQueryAsync();
        }

        var retry = await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, reason: null, default);
        await app.CatchUpAsync();

        (retry.Retried, retry.Resolved, retry.Accepted).ShouldBe((2, 1, 1));
        retry.StillRejected.ShouldBe(new Dictionary<string, long> { ["unsupported currency EUR"] = 1 });
        (await app.Get<Projections.Lifetime.CustomerQuery>().ExecuteAsync("retry-1", default))!.Revenue.ShouldBe(3.00m);
        var open = await app.Get<RejectedEventStore>().ListAsync(summary.RunId, null, includeResolved: false, 0, 100, default);
        open.ShouldHaveSingleItem().Text.ShouldBe(StillBad);
        var all = await app.Get<RejectedEventStore>().ListAsync(summary.RunId, null, includeResolved: true, 0, 100, default);
        all.Single(r => r.Text == NowGood).RetriedBy.ShouldBe(retry.RunId);
    }

    [Fact]
    public async Task retrying_twice_appends_nothing_more()
    {
        var summary = await app.IngestLinesAsync([StillBad.Replace("r-bad", "r-bad-2", StringComparison.Ordinal)]);
        await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, null, default);

        var second = await app.Get<RejectedRetryHandler>().HandleAsync(summary.RunId, null, default);

        (second.Resolved, second.Accepted).ShouldBe((0, 0));
    }
}
