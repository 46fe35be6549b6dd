using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// Duplicates, seen only through the CLI: the same identity (customer, type, verb, key, event_time) again is counted as
/// a duplicate and not stored; one whose content differs is also listed as a "conflicting duplicate"; the event kept is
/// the first one; the same key used by two customers is two events.
/// </summary>
public sealed class DuplicateTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Registered = """{"type": "CUSTOMER", "verb": "NEW", "key": "dup-1", "event_time": "2017-01-02T10:00:00Z", "last_name": "Dupont"}""";
    private const string Other = """{"type": "CUSTOMER", "verb": "NEW", "key": "dup-2", "event_time": "2017-01-02T11:00:00Z", "last_name": "Durand"}""";
    private const string Visit = """{"type": "SITE_VISIT", "verb": "NEW", "key": "page-1", "event_time": "2017-01-03T09:00:00Z", "customer_id": "dup-1"}""";
    private const string OtherVisit = """{"type": "SITE_VISIT", "verb": "NEW", "key": "page-1", "event_time": "2017-01-03T09:00:00Z", "customer_id": "dup-2"}""";
    private const string Order = """{"type": "ORDER", "verb": "NEW", "key": "order-1", "event_time": "2017-01-03T10:00:00Z", "customer_id": "dup-1", "total_amount": "10.00 USD"}""";
    private const string Conflicting = """{"type": "ORDER", "verb": "NEW", "key": "order-1", "event_time": "2017-01-03T10:00:00Z", "customer_id": "dup-1", "total_amount": "99.99 USD"}""";

    [Theory]
    [InlineData(Order, Conflicting, 10.00)]
    [InlineData(Conflicting, Order, 99.99)]
    public async Task a_duplicate_is_counted_and_a_conflicting_one_is_listed_while_the_first_event_is_kept(string first, string second, decimal kept)
    {
        var ltv = new LtvProcess(database.ConnectionString);

        var run = await IngestAsync(ltv, Registered, Other, Visit, first, Visit, OtherVisit, first, second);

        (run.Figure("read"), run.Figure("accepted"), run.Figure("duplicates"), run.Figure("conflicting"), run.Figure("rejected")).ShouldBe((8, 5, 3, 1, 0));
        await ShouldListOnlyAsync(ltv, second);
        await ShouldKeepAsync(ltv, kept);
        JsonNode.Parse((await ltv.RunAsync("customer", "dup-2", "--format", "json")).Output)!.Figure("visits").ShouldBe(1, "the same page key for another customer");
        await IngestRuns.ShouldAddUpAsync(ltv, "after duplicates");
    }

    [Fact]
    public async Task a_conflicting_duplicate_in_a_later_run_is_listed_with_that_run_and_changes_no_figure()
    {
        var ltv = new LtvProcess(database.ConnectionString);
        await IngestAsync(ltv, Registered, Visit, Order);

        var later = await IngestAsync(ltv, Order, Conflicting, Visit);

        (later.Figure("accepted"), later.Figure("duplicates"), later.Figure("conflicting"), later.Figure("rejected")).ShouldBe((0, 3, 1, 0));
        (await ShouldListOnlyAsync(ltv, Conflicting)).Figure("runId").ShouldBe(later.Figure("runId"));
        await ShouldKeepAsync(ltv, 10.00m);
        var summary = JsonNode.Parse((await ltv.RunAsync("summary", "--format", "json")).Output)!["summary"]!;
        (summary.Figure("events"), summary.Figure("customers")).ShouldBe((3, 1));
    }

    private static async Task<JsonNode> IngestAsync(LtvProcess ltv, params string[] lines)
    {
        var file = GeneratedInput.TempPath("duplicates.ndjson");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var result = await ltv.RunAsync("ingest", file, "--format", "json");
            result.ExitCode.ShouldBe(0, result.Error);
            return JsonNode.Parse(result.Output)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonNode> ShouldListOnlyAsync(LtvProcess ltv, string conflicting)
    {
        var listed = JsonNode.Parse((await ltv.RunAsync("rejected", "--all", "--format", "json")).Output)!.AsArray();
        var rejection = listed.ShouldHaveSingleItem()!;
        (rejection["reason"]!.GetValue<string>(), rejection["raw"]!.GetValue<string>()).ShouldBe(("conflicting duplicate", conflicting));
        return rejection;
    }

    /// <summary>The order's amount in the customer's figures, in the top X and in its one stored order event.</summary>
    private static async Task ShouldKeepAsync(LtvProcess ltv, decimal amount)
    {
        var customer = JsonNode.Parse((await ltv.RunAsync("customer", "dup-1", "--format", "json")).Output)!;
        var top = JsonNode.Parse((await ltv.RunAsync("top", "1", "--format", "json")).Output)!.AsArray().ShouldHaveSingleItem()!;
        var orders = customer["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>().StartsWith("order", StringComparison.Ordinal)).ToList();

        (customer.Figure("visits"), customer.Figure("orders"), customer["revenue"]!.GetValue<decimal>()).ShouldBe((1, 1, amount));
        (top["customerId"]!.GetValue<string>(), top["revenue"]!.GetValue<decimal>()).ShouldBe(("dup-1", amount));
        orders.ShouldHaveSingleItem()!["data"]!["amount"]!.GetValue<decimal>().ShouldBe(amount);
        customer["events"]!.AsArray().Count.ShouldBe(3);
    }
}
