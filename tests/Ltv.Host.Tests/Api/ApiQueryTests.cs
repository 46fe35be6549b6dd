using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ltv.Testing;

namespace Ltv.Host.Tests.Api;

/// <summary>Every query endpoint answers what the CLI's --format json prints on the same data, in the same shape.</summary>
public sealed class ApiQueryTests(IngestedApiServer data) : IClassFixture<IngestedApiServer>
{
    private HttpClient Client => data.Server.Client;

    [Fact]
    public async Task the_ingest_answer_has_the_cli_summary_and_each_rejection_with_its_index_and_reason()
    {
        var cli = await data.Cli.RunAsync("ingests", "--limit", "1", "--format", "json");
        var runs = JsonNode.Parse(cli.Output)!.AsArray();
        var expected = runs[0]!.AsObject();
        expected.Remove("runId");

        var summary = JsonNode.Parse(data.Summary.GetRawText())!.AsObject();
        var rejections = summary["rejections"]!.AsArray();
        summary.Remove("runId");
        summary.Remove("rejections");
        summary.Remove("rejectionsTruncated");
        JsonNode.DeepEquals(summary, expected).ShouldBeTrue($"{summary}\n{expected}");
        rejections.Count.ShouldBe((int)(data.Summary.Long("rejected") + data.Summary.Long("conflicting")));
        rejections.Select(r => r!["reason"]!.GetValue<string>()).ShouldContain("unsupported currency EUR");
        rejections.ShouldAllBe(r => r!["index"]!.GetValue<long>() >= 0);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?x=7&timeframe=customer&lifespan=2.5", " --timeframe customer --lifespan 2.5")]
    public async Task top_x_over_http_and_on_the_cli_are_the_same_response_records(string query, string options)
    {
        var x = query.Length == 0 ? "10" : "7";
        var cli = await data.Cli.RunAsync(["top", x, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--format", "json"]);
        var http = await Client.GetJsonAsync($"/api/customers/top{query}");

        cli.ExitCode.ShouldBe(0, cli.Error);
        var fromCli = ApiJson.ShouldBeRecord<List<Top.TopCustomerResponse>>(cli.Output);
        fromCli.Count.ShouldBe(int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));
        ApiJson.ShouldBeRecord<List<Top.TopCustomerResponse>>(http.GetRawText()).ShouldBe(fromCli);
    }

    [Fact]
    public async Task the_summary_over_http_and_on_the_cli_is_the_same_response_record()
    {
        var cli = await data.Cli.RunAsync("summary", "--format", "json");
        var http = await Client.GetJsonAsync("/api/summary");

        cli.ExitCode.ShouldBe(0, cli.Error);
        var fromCli = ApiJson.ShouldBeRecord<Summary.StoreSummaryResponse>(JsonNode.Parse(cli.Output)!["summary"]!.ToJsonString());
        fromCli.Events.ShouldBe(data.Summary.Long("accepted"));
        ApiJson.ShouldBeRecord<Summary.StoreSummaryResponse>(http.GetRawText()).ShouldBe(fromCli);
    }

    [Theory]
    [InlineData("c0000032")]
    [InlineData("96f55c7d8f42")]
    public async Task a_customer_and_its_events_are_the_cli_json_split_in_two(string id)
    {
        var cli = JsonNode.Parse((await data.Cli.RunAsync("customer", id, "--format", "json")).Output)!.AsObject();
        var events = cli["events"]!.AsArray();
        cli.Remove("events");

        (await Client.GetJsonAsync($"/api/customers/{id}")).ShouldBeSameJson(cli.ToJsonString());
        ApiJson.ShouldBeRecord<Customers.CustomerResponse>((await Client.GetJsonAsync($"/api/customers/{id}")).GetRawText())
            .ShouldBe(ApiJson.ShouldBeRecord<Customers.CustomerResponse>(cli.ToJsonString()));
        var apiEvents = (await Client.GetJsonAsync($"/api/customers/{id}/events")).GetRawText();
        ApiJson.ShouldBeRecord<List<Customers.CustomerEventResponse>>(apiEvents);
        ApiJson.ShouldBeRecord<List<Customers.CustomerEventResponse>>(events.ToJsonString());
        var fromApi = JsonNode.Parse(apiEvents)!.AsArray();
        JsonNode.DeepEquals(WithoutRecordedAt(fromApi), WithoutRecordedAt(events)).ShouldBeTrue(); // each store records its own append time
    }

    [Fact]
    public async Task an_unknown_customer_is_a_404_problem()
    {
        using var response = await Client.GetAsync(new Uri("/api/customers/nobody/events", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe("No customer 'nobody': no event of that customer was accepted.");
    }

    [Theory]
    [InlineData("/api/stats/daily/2017-01-06", "stats day 2017-01-06", typeof(Host.Stats.StatsDayResponse))]
    [InlineData("/api/stats/daily?from=2017-01-01&to=2017-02-15", "stats range --from 2017-01-01 --to 2017-02-15", typeof(Host.Stats.StatsRangeResponse))]
    [InlineData(
        "/api/stats/top?from=2017-01-01&to=2017-12-31&by=orders&limit=5", "stats top --from 2017-01-01 --to 2017-12-31 --by orders --limit 5",
        typeof(Host.Stats.StatsTopResponse))]
    [InlineData("/api/stats/repeaters", "stats repeaters", typeof(Host.Stats.StatsRepeatersResponse))]
    [InlineData("/api/stats/repeaters?from=2017-06-01&list=true", "stats repeaters --from 2017-06-01 --list", typeof(Host.Stats.StatsRepeatersResponse))]
    public async Task the_daily_statistics_over_http_and_on_the_cli_are_the_same_response_records(string path, string command, Type record)
    {
        var cli = await data.Cli.RunAsync([.. command.Split(' '), "--format", "json"]);
        var http = await Client.GetJsonAsync(path);

        cli.ExitCode.ShouldBe(0, cli.Error);
        http.ShouldBeTheSameRecordAs(cli.Output, record);
    }

    [Theory]
    [InlineData("/api/customers/ltv-histogram", "histogram")]
    [InlineData("/api/customers/ltv-histogram?buckets=5&scale=log&timeframe=customer&lifespan=2.5", "histogram --buckets 5 --scale log --timeframe customer --lifespan 2.5")]
    public async Task the_ltv_histogram_over_http_and_on_the_cli_is_the_same_response_record(string path, string command)
    {
        var cli = await data.Cli.RunAsync([.. command.Split(' '), "--format", "json"]);
        var http = await Client.GetJsonAsync(path);

        cli.ExitCode.ShouldBe(0, cli.Error);
        http.ShouldBeTheSameRecordAs(cli.Output, typeof(Histogram.LtvHistogramResponse));
    }

    [Fact]
    public async Task ingests_and_rejected_have_the_cli_fields_and_filter_by_run_and_reason()
    {
        var runs = await Client.GetJsonAsync("/api/ingests");
        var rejected = await Client.GetJsonAsync($"/api/rejected?run={data.Summary.Long("runId")}&reason=currency");
        var cliRejected = JsonNode.Parse((await data.Cli.RunAsync("rejected", "--reason", "currency", "--format", "json")).Output)!.AsArray();

        Names(runs[0]).ShouldBe(Names(JsonDocument.Parse((await data.Cli.RunAsync("ingests", "--format", "json")).Output).RootElement[0]));
        rejected.GetArrayLength().ShouldBe(2);
        rejected.EnumerateArray().ShouldAllBe(r => r.GetProperty("reason").GetString() == "unsupported currency EUR");
        Names(rejected[0]).ShouldBe(Names(JsonDocument.Parse(cliRejected.ToJsonString()).RootElement[0]));
        rejected.EnumerateArray().Select(r => r.GetProperty("raw").GetString()).ShouldBe(cliRejected.Select(r => r!["raw"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ingest_runs_and_rejections_over_http_and_on_the_cli_are_the_same_response_records()
    {
        var run = data.Summary.Long("runId");
        var cliRuns = await data.Cli.RunAsync("ingests", "--format", "json");
        var cliRejected = await data.Cli.RunAsync("rejected", "--run", $"{run}", "--format", "json");

        cliRuns.ExitCode.ShouldBe(0, cliRuns.Error);
        cliRejected.ExitCode.ShouldBe(0, cliRejected.Error);
        ApiJson.ShouldBeRecord<List<Host.Ingestion.IngestSummary>>((await Client.GetJsonAsync("/api/ingests")).GetRawText())
            .ShouldBe(ApiJson.ShouldBeRecord<List<Host.Ingestion.IngestSummary>>(cliRuns.Output), new RunsByValue());
        var fromCli = ApiJson.ShouldBeRecord<List<Host.Ingestion.Rejections.RejectedEventResponse>>(cliRejected.Output);
        fromCli.Count.ShouldBe((int)(data.Summary.Long("rejected") + data.Summary.Long("conflicting")));
        var fromHttp = ApiJson.ShouldBeRecord<List<Host.Ingestion.Rejections.RejectedEventResponse>>(
            (await Client.GetJsonAsync($"/api/rejected?run={run}")).GetRawText());
        Comparable(fromHttp).ShouldBe(Comparable(fromCli));
    }

    // The CLI and the server ingested the same file into two stores: ids, sources and times are each store's own.
    private static List<Host.Ingestion.Rejections.RejectedEventResponse> Comparable(IEnumerable<Host.Ingestion.Rejections.RejectedEventResponse> rows) =>
        [.. rows.Select(r => r with { Id = 0, Source = "", RecordedAt = default }).OrderBy(r => r.Index)];

    [Fact]
    public async Task rejections_of_a_run_that_does_not_exist_are_a_mistake_over_http_and_on_the_cli()
    {
        var cli = await data.Cli.RunAsync("rejected", "--run", "999999", "--format", "json");
        using var http = await Client.GetAsync(new Uri("/api/rejected?run=999999", UriKind.Relative));

        const string Expected = "There is no ingest run 999999; 'ltv ingests' lists the runs.";
        cli.ExitCode.ShouldBe(1);
        cli.Error.Trim().ShouldBe($"ltv: {Expected}");
        http.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await http.ReadAsync()).GetProperty("detail").GetString().ShouldBe(Expected);
    }

    // A run's rejectedByReason is a dictionary, which record equality compares by reference.
    private sealed class RunsByValue : IEqualityComparer<Host.Ingestion.IngestSummary>
    {
        public bool Equals(Host.Ingestion.IngestSummary? x, Host.Ingestion.IngestSummary? y) =>
            x is not null && y is not null
            && x with { RejectedByReason = y.RejectedByReason } == y
            && x.RejectedByReason.OrderBy(p => p.Key).SequenceEqual(y.RejectedByReason.OrderBy(p => p.Key));

        public int GetHashCode(Host.Ingestion.IngestSummary obj) => obj.RunId.GetHashCode();
    }

    [Fact]
    public async Task projections_show_the_status_fields_and_a_rebuild_gives_a_damaged_ranking_back_its_answer()
    {
        var top = await Client.GetJsonAsync("/api/customers/top?x=10");
        var status = await Client.GetJsonAsync("/api/projections");
        var cliStatus = JsonDocument.Parse((await data.Cli.RunAsync("status", "--format", "json")).Output).RootElement;
        await ReadModelDamage.DamageAsync(data.Server.Store.Database.ConnectionString, data.Server.Store.Schema.ToString(), "ltv_ranking");
        (await Client.GetJsonAsync("/api/customers/top?x=10")).GetRawText().ShouldNotBe(top.GetRawText(), "the damage shows in the answer");

        var rebuilt = await Client.PostJsonAsync("/api/projections/ltv_ranking/rebuild");
        using var unknown = await Client.PostAsync(new Uri("/api/projections/no_such_model/rebuild", UriKind.Relative), null);

        // The same record from both; the stores differ (the CLI's is its own schema), so only the names must agree.
        var fromHttp = ApiJson.ShouldBeRecord<ReadModels.StoreStatusResponse>(status.GetRawText());
        var fromCli = ApiJson.ShouldBeRecord<ReadModels.StoreStatusResponse>(cliStatus.GetRawText());
        fromHttp.Projections.Select(p => p.Name).ShouldBe(fromCli.Projections.Select(p => p.Name));
        (rebuilt.GetProperty("projection").GetString(), rebuilt.Long("events")).ShouldBe(("ltv_ranking", data.Summary.Long("accepted")));
        (await Client.GetJsonAsync("/api/customers/top?x=10")).ShouldBeSameJson(top.GetRawText());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.ReadAsync()).GetProperty("detail").GetString()!.ShouldStartWith("Unknown projection 'no_such_model': use one of customer_lifetime, ltv_ranking");
    }

    [Fact]
    public async Task health_reports_the_database_and_each_projection_lag()
    {
        var health = await Client.GetJsonAsync("/health");

        health.GetProperty("status").GetString().ShouldBe("healthy");
        health.GetProperty("database").GetString().ShouldBe("reachable");
        health.GetProperty("projections").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("ltv_ranking");
    }

    [Fact]
    public async Task the_openapi_document_lists_every_endpoint()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        operations.ShouldBe(
            [
                "GET /health", "POST /api/events", "GET /api/customers/top", "GET /api/customers/{id}", "GET /api/customers/{id}/events",
                "GET /api/ingests", "GET /api/rejected", "GET /api/projections", "POST /api/projections/{name}/rebuild",
                "GET /api/stats/daily/{date}", "GET /api/stats/daily", "GET /api/stats/top", "GET /api/stats/repeaters",
                "GET /api/clv/fit", "GET /api/clv/top", "GET /api/clv/customers/{id}", "GET /api/clv/validate",
                "GET /api/summary", "GET /api/customers/ltv-histogram",
            ],
            ignoreOrder: true);
        var post = document.GetProperty("paths").GetProperty("/api/events").GetProperty("post");
        post.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldContain("application/x-ndjson");
        post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "401", "413", "415", "429", "503"], ignoreOrder: true);
    }

    private static JsonArray WithoutRecordedAt(JsonArray events)
    {
        var copy = events.DeepClone().AsArray();
        foreach (var e in copy)
        {
            e!.AsObject().Remove("recordedAt");
        }

        return copy;
    }

    private static List<string> Names(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];
}
