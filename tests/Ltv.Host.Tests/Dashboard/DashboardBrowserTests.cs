using System.Globalization;
using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Lifetime;
using Ltv.Host.Api;
using Ltv.Host.Ingestion;
using Ltv.Host.Tests.Api;
using Ltv.Testing;

namespace Ltv.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against `ltv serve` holding input/events.json: what it shows is held to the
/// pure LTV rule and daily-statistics reference on the same lines. Screenshots go to TestResults/dashboard/.
/// </summary>
public sealed class DashboardBrowserTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private const string Key = "dashboard-test-key";

    /// <summary>
    /// What the test picks in the page: a new customer whose 900.00 order outranks c0000032 (762.58), a rejected
    /// EUR order, and a visit. All within the data's range, so the dataset timeframe stays 56 weeks.
    /// </summary>
    private static readonly string[] Upload =
    [
        """{"type": "CUSTOMER", "verb": "NEW", "key": "dash-1", "event_time": "2017-11-02T10:00:00Z", "last_name": "Dashwood", "adr_city": "Portland", "adr_state": "OR"}""",
        """{"type": "SITE_VISIT", "verb": "NEW", "key": "dash-p1", "event_time": "2017-11-02T10:05:00Z", "customer_id": "dash-1", "tags": []}""",
        """{"type": "ORDER", "verb": "NEW", "key": "dash-o1", "event_time": "2017-11-02T10:10:00Z", "customer_id": "dash-1", "total_amount": "900.00 USD"}""",
        """{"type": "ORDER", "verb": "NEW", "key": "dash-o2", "event_time": "2017-11-03T10:10:00Z", "customer_id": "dash-1", "total_amount": "9.00 EUR"}""",
    ];

    /// <summary>What the test then drops on the page: a customer whose 1000.00 order outranks dash-1, and dash-1's order again.</summary>
    private static readonly string[] Drop =
    [
        """{"type": "CUSTOMER", "verb": "NEW", "key": "dash-2", "event_time": "2017-11-04T10:00:00Z", "last_name": "Dropper", "adr_city": "Salem", "adr_state": "OR"}""",
        """{"type": "ORDER", "verb": "NEW", "key": "dash-o3", "event_time": "2017-11-04T10:10:00Z", "customer_id": "dash-2", "total_amount": "1000.00 USD"}""",
        Upload[2],
    ];

    [Fact]
    public async Task the_dashboard_shows_the_rule_s_top_customer_draws_its_charts_and_ingests_a_picked_and_a_dropped_file()
    {
        var lines = JsonDocument.Parse(await File.ReadAllTextAsync(IngestedApiServer.File)).RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        var uploadFolder = Directory.CreateTempSubdirectory("dashboard-");
        var uploadFile = Path.Combine(uploadFolder.FullName, "new-customers.ndjson");
        await File.WriteAllLinesAsync(uploadFile, Upload);
        var dropFile = Path.Combine(uploadFolder.FullName, "dropped-customers.ndjson");
        await File.WriteAllLinesAsync(dropFile, Drop);
        var screenshots = FixturePaths.InRepository("TestResults", "dashboard");
        await using var serve = await DashboardServer.StartAsync(app.Database.ConnectionString, Key);
        var ingested = await serve.Client.PostJsonAsync(EventsEndpoint.Path, ApiServer.Body(await File.ReadAllBytesAsync(IngestedApiServer.File), EventsBody.Json));
        await CaughtUpAsync(serve.Client);

        var after = lines.Concat(Upload).ToList();
        var leaderAfterPick = LtvOracle.Top(after, LtvSettings.Default, 1)[0].CustomerId.Value;
        var leaderAfterDrop = LtvOracle.Top([.. after, .. Drop], LtvSettings.Default, 1)[0].CustomerId.Value;
        var seen = await BrowserDriver.RunAsync(new
        {
            url = serve.Address.ToString(),
            apiKey = Key,
            uploadFile,
            firstAfterIngest = leaderAfterPick,
            dropFile,
            firstAfterDrop = leaderAfterDrop,
            screenshots,
        });
        uploadFolder.Delete(recursive: true);

        seen.TryGetProperty("failure", out var failure).ShouldBeFalse($"the browser run failed: {failure}");
        seen.GetProperty("consoleErrors").EnumerateArray().Select(e => e.GetString()).ShouldBeEmpty();

        // Top X: the rule's leader for each timeframe, linked to a history as long as its accepted events.
        var leader = LtvOracle.Top(lines, LtvSettings.Default, 1)[0].CustomerId;
        seen.Text("timeframeShown").ShouldBe("dataset");
        seen.Text("firstDataset").ShouldBe(leader.Value);
        seen.GetProperty("topRows").GetInt32().ShouldBe(10);
        seen.Text("firstCustomerTimeframe").ShouldBe(LtvOracle.Top(lines, new LtvSettings(Timeframe.Customer), 1)[0].CustomerId.Value);
        seen.GetProperty("customer").Text("title").ShouldBe($"Customer {leader.Value}");
        seen.GetProperty("customer").GetProperty("events").GetInt32().ShouldBe(LtvOracle.AcceptedEvents(lines).Count(e => e.CustomerId == leader));

        // Charts: every customer with revenue in a histogram bar, linear and log; every day of the range per chart.
        var withRevenue = LtvRanking.Top(LtvOracle.Customers(lines), LtvSettings.Default, int.MaxValue).Count(c => c.Ltv > 0);
        seen.GetProperty("histogram").GetProperty("customers").GetInt32().ShouldBe(withRevenue);
        seen.GetProperty("histogramLog").GetProperty("customers").GetInt32().ShouldBe(withRevenue);
        seen.GetProperty("histogram").GetProperty("bars").GetInt32().ShouldBeGreaterThan(1);
        var daily = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        var days = daily.Range(daily.Days[0], daily.Days[^1]).Days;
        foreach (var (chart, figure) in new (string, Func<StatsTotals, decimal>)[] { ("revenue", t => t.Revenue), ("orders", t => t.Orders), ("customers", t => t.Customers) })
        {
            var drawn = seen.GetProperty("daily").GetProperty(chart);
            drawn.GetProperty("days").GetInt32().ShouldBe(days.Count, chart);
            drawn.GetProperty("max").GetDecimal().ShouldBe(days.Max(d => figure(d.Totals)), chart);
            (drawn.GetProperty("bars").GetInt32() + drawn.GetProperty("areas").GetInt32()).ShouldBeGreaterThan(0, chart);
        }

        var kpis = seen.GetProperty("kpis");
        kpis.Text("Customers").ShouldBe(LtvOracle.Customers(lines).Count.ToString(CultureInfo.InvariantCulture));
        kpis.Text("Repeat rate").ShouldBe((daily.Repeaters(new DayWindow(null, null)).Rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        seen.GetProperty("projectionRows").GetInt32().ShouldBe(3);
        seen.GetProperty("ingestRows").GetInt32().ShouldBe(1);
        seen.Text("firstIngestRejected").ShouldBe(ingested.Long("rejected").ToString(CultureInfo.InvariantCulture));

        // The picked file: 401 asks for the key (kept in sessionStorage only), then the run's summary, then the new leader.
        seen.Text("keyReason").ShouldContain("API key");
        seen.GetProperty("keyStored").GetBoolean().ShouldBeTrue();
        var accepted = LtvOracle.AcceptedEvents(Upload).Count;
        var upload = seen.GetProperty("upload");
        (upload.Text("read"), upload.Text("accepted"), upload.Text("duplicates"), upload.Text("rejected"))
            .ShouldBe((Upload.Length.ToString(CultureInfo.InvariantCulture), accepted.ToString(CultureInfo.InvariantCulture), "0", (Upload.Length - accepted).ToString(CultureInfo.InvariantCulture)));
        seen.GetProperty("uploadProgress").GetDouble().ShouldBe(100);
        leaderAfterPick.ShouldNotBe(leader.Value, "the picked file is meant to change the leader");
        seen.Text("firstAfterIngest").ShouldBe(leaderAfterPick);

        // The dropped file: the zone marked on dragover, the drop's own run summary, and the leader it makes.
        seen.GetProperty("dropZoneMarked").GetBoolean().ShouldBeTrue();
        var dropAccepted = LtvOracle.AcceptedEvents([.. Upload, .. Drop]).Count - accepted;
        var drop = seen.GetProperty("drop");
        (drop.Text("read"), drop.Text("accepted"), drop.Text("duplicates"), drop.Text("rejected"))
            .ShouldBe((Drop.Length.ToString(CultureInfo.InvariantCulture), dropAccepted.ToString(CultureInfo.InvariantCulture),
                (Drop.Length - dropAccepted).ToString(CultureInfo.InvariantCulture), "0"));
        leaderAfterDrop.ShouldNotBe(leaderAfterPick, "the dropped file is meant to change the leader");
        seen.Text("firstAfterDrop").ShouldBe(leaderAfterDrop);

        // A narrow screen scrolls down, never sideways; failures are explained on the page.
        var narrow = seen.GetProperty("narrow");
        narrow.GetProperty("scrollWidth").GetInt32().ShouldBeLessThanOrEqualTo(narrow.GetProperty("innerWidth").GetInt32());
        seen.GetProperty("unreachable").Text("banner").ShouldStartWith($"Cannot reach the API at {serve.Address.GetLeftPart(UriPartial.Authority)}");
        seen.GetProperty("unreachable").Text("health").ShouldBe("API: unreachable");
        seen.GetProperty("problem").Text("banner").ShouldBe("Top customers: The event store is unreachable (test). (HTTP 503)");
        foreach (var shot in seen.GetProperty("screenshots").EnumerateArray())
        {
            new FileInfo(shot.GetString()!).Length.ShouldBeGreaterThan(20_000);
        }
    }

    /// <summary>Waits until the server's daemon has applied every event to every read model (polling, never a fixed wait).</summary>
    private static async Task CaughtUpAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await client.GetJsonAsync("/api/projections")).GetProperty("projections").EnumerateArray().Any(p => p.Long("lag") > 0))
        {
            await Task.Delay(50, timeout.Token); // polling a condition, not waiting a fixed time
        }
    }
}

/// <summary>Reading what the browser saw.</summary>
internal static class SeenJson
{
    public static string Text(this JsonElement json, string property) => json.GetProperty(property).GetString()?.Trim() ?? "";
}
