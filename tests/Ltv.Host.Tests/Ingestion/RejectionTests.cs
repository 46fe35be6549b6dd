using System.Text;
using Ltv.Domain.Validation;
using Ltv.Testing;

namespace Ltv.Host.Tests.Ingestion;

public sealed class RejectionTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private sealed record Stored(long Index, long Offset, string Reason, string? Detail, string Raw);

    private async Task<List<Stored>> RejectedAsync(long runId)
    {
        await using var command = app.Database.DataSource.CreateCommand(
            $"select record_index, byte_offset, reason, detail, raw from {app.Schema}.rejected_events where run_id = @run order by id");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Stored>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Stored(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(4))));
        }

        return rows;
    }

    [Fact]
    public async Task a_malformed_ndjson_line_is_stored_with_its_position_and_reading_goes_on()
    {
        var first = """{"type": "SITE_VISIT", "verb": "NEW", "key": "n1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "nd-1"}""";
        var broken = """{"type": "SITE_VISIT", "verb": "NEW", "key": "n2", "event_time": """;
        var third = """{"type": "SITE_VISIT", "verb": "NEW", "key": "n3", "event_time": "2017-01-07T12:00:00Z", "customer_id": "nd-1"}""";

        var summary = await app.IngestLinesAsync([first, broken, third]);

        (summary.Accepted, summary.Rejected, summary.Completed).ShouldBe((2, 1, true));
        var rejected = (await RejectedAsync(summary.RunId)).ShouldHaveSingleItem();
        (rejected.Index, rejected.Offset, rejected.Reason).ShouldBe((1, Encoding.UTF8.GetByteCount(first) + 1, RejectionReasons.InvalidJson));
        rejected.Raw.ShouldBe(broken);
    }

    [Fact]
    public async Task an_invalid_event_is_stored_with_its_reason_and_exact_text()
    {
        var euro = """{"type": "ORDER", "verb": "NEW", "key": "e1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "eu-1", "total_amount": "3.00 EUR"}""";

        var summary = await app.IngestLinesAsync([euro]);

        summary.RejectedByReason.ShouldBe(new Dictionary<string, long> { ["unsupported currency EUR"] = 1 });
        var rejected = (await RejectedAsync(summary.RunId)).ShouldHaveSingleItem();
        (rejected.Reason, rejected.Raw).ShouldBe(("unsupported currency EUR", euro));
    }

    [Fact]
    public async Task a_duplicate_with_another_amount_counts_as_a_duplicate_and_is_kept_as_a_conflicting_one()
    {
        var order = """{"type": "ORDER", "verb": "NEW", "key": "cd-1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "conf-1", "total_amount": "10.00 USD"}""";
        var changed = order.Replace("10.00 USD", "11.00 USD", StringComparison.Ordinal);
        var same = order.Replace("10.00 USD", "10 USD", StringComparison.Ordinal);
        await app.IngestLinesAsync([order]);

        var summary = await app.IngestLinesAsync([changed, same]);

        (summary.Accepted, summary.Duplicates, summary.Conflicting, summary.Rejected).ShouldBe((0, 2, 1, 0));
        var kept = (await RejectedAsync(summary.RunId)).ShouldHaveSingleItem();
        (kept.Reason, kept.Raw, kept.Index).ShouldBe((RejectionReasons.ConflictingDuplicate, changed, 0));
        (await app.Get<Projections.Store.Customers.CustomerQuery>().ExecuteAsync("conf-1", default))!.Revenue.ShouldBe(10.00m);
    }
}
