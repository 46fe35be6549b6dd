using System.IO.Compression;
using System.Net;
using System.Text;
using Ltv.Domain.Lifetime;
using Ltv.Host.Api;
using Ltv.Host.Tests.Cli;
using Ltv.Projections;
using Ltv.Projections.Store.Summary;
using Ltv.Testing;

namespace Ltv.Host.Tests.Api;

/// <summary>POST /api/events end to end: the answers after it equal the CLI's and the domain oracle's on the same data.</summary>
public sealed class ApiIngestTests
{
    [Fact]
    public async Task a_shuffled_ndjson_body_with_duplicates_and_bad_lines_gives_the_same_top_x_as_the_cli()
    {
        await using var server = await ApiServer.StartAsync();
        var body = ApiBody.Shuffled(customers: 80, seed: 4);

        var summary = await server.Client.PostJsonAsync("/api/events", ApiServer.NdJson(body.Lines));

        var accepted = LtvOracle.AcceptedEvents(body.JsonLines).Count;
        summary.Long("read").ShouldBe(body.Lines.Count);
        summary.Long("accepted").ShouldBe(accepted);
        (summary.Long("accepted") + summary.Long("duplicates") + summary.Long("rejected")).ShouldBe(body.Lines.Count);
        summary.GetProperty("rejectedByReason").GetProperty("invalid JSON").GetInt64().ShouldBe(ApiBody.Malformed.Length);
        var malformed = await server.Client.GetJsonAsync($"/api/rejected?run={summary.Long("runId")}&reason=invalid%20JSON");
        malformed.EnumerateArray().Select(r => (int)r.Long("index")).ShouldBe(body.MalformedIndexes.Order());

        var file = Path.Combine(Path.GetTempPath(), $"ltv-api-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, body.Lines);
        var cli = new LtvProcess(server.Store.Database.ConnectionString);
        (await cli.RunAsync("ingest", file)).ExitCode.ShouldBe(0);
        File.Delete(file);
        await server.Store.CatchUpAsync();
        foreach (var query in new[] { ("10", "dataset", "10"), ("25", "customer", "5") })
        {
            var fromApi = await server.Client.GetJsonAsync($"/api/customers/top?x={query.Item1}&timeframe={query.Item2}&lifespan={query.Item3}");
            var fromCli = await cli.RunAsync("top", query.Item1, "--timeframe", query.Item2, "--lifespan", query.Item3, "--format", "json");
            fromApi.ShouldBeSameJson(fromCli.Output);

            var settings = new LtvSettings(query.Item2 == "dataset" ? Timeframe.Dataset : Timeframe.Customer, decimal.Parse(query.Item3, System.Globalization.CultureInfo.InvariantCulture));
            var oracle = LtvOracle.Top(body.JsonLines, settings, int.Parse(query.Item1, System.Globalization.CultureInfo.InvariantCulture));
            fromApi.EnumerateArray().Select(c => (c.GetProperty("customerId").GetString(), c.GetProperty("ltv").GetDecimal()))
                .ShouldBe(oracle.Select(c => ((string?)c.CustomerId.Value, c.Ltv)));
        }
    }

    [Fact]
    public async Task posting_the_same_body_twice_changes_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var body = ApiBody.Shuffled(customers: 40, seed: 9);
        var first = await server.Client.PostJsonAsync("/api/events", ApiServer.NdJson(body.Lines));
        await server.Store.CatchUpAsync();
        var top = await server.Client.GetJsonAsync("/api/customers/top?x=40");
        var events = (await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default)).Events;

        var second = await server.Client.PostJsonAsync("/api/events", ApiServer.NdJson(body.Lines));
        await server.Store.CatchUpAsync();

        second.Long("accepted").ShouldBe(0);
        second.Long("duplicates").ShouldBe(first.Long("accepted") + first.Long("duplicates"));
        second.Long("conflicting").ShouldBe(0);
        (await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default)).Events.ShouldBe(events);
        (await server.Client.GetJsonAsync("/api/customers/top?x=40")).ShouldBeSameJson(top.GetRawText());
    }

    [Fact]
    public async Task concurrent_posts_of_overlapping_bodies_count_every_event_exactly_once()
    {
        await using var server = await ApiServer.StartAsync();
        var body = ApiBody.Shuffled(customers: 60, seed: 21);
        var random = new Random(5);
        var slices = Enumerable.Range(0, 4).Select(_ => body.JsonLines.Where(line => random.NextDouble() < 0.6).ToList()).ToList();
        var missed = body.JsonLines.Except(slices.SelectMany(s => s)).ToList();
        slices[0].AddRange(missed); // every event is in at least one body, most in two or three

        var answers = await Task.WhenAll(slices.Select(s => server.Client.PostJsonAsync("/api/events", ApiServer.NdJson(s))));
        await server.Store.CatchUpAsync();

        var expected = LtvOracle.AcceptedEvents(body.JsonLines).Count;
        answers.Sum(a => a.Long("accepted")).ShouldBe(expected);
        (await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default)).Events.ShouldBe(expected);
        var top = await server.Client.GetJsonAsync("/api/customers/top?x=60");
        top.EnumerateArray().Select(c => (c.GetProperty("customerId").GetString(), c.GetProperty("ltv").GetDecimal()))
            .ShouldBe(LtvOracle.Top(body.JsonLines, LtvSettings.Default, 60).Select(c => ((string?)c.CustomerId.Value, c.Ltv)));
    }

    [Fact]
    public async Task a_gzip_body_is_read_like_the_plain_one()
    {
        await using var server = await ApiServer.StartAsync();
        var body = ApiBody.Shuffled(customers: 20, seed: 3);
        var plain = Encoding.UTF8.GetBytes("[" + string.Join(",\n", body.JsonLines) + "]");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(plain);
        }

        var content = ApiServer.Body(compressed.ToArray(), EventsBody.Json);
        content.Headers.ContentEncoding.Add("gzip");
        var zipped = await server.Client.PostJsonAsync("/api/events", content);
        var again = await server.Client.PostJsonAsync("/api/events", ApiServer.Body(plain, EventsBody.Json));

        zipped.Long("accepted").ShouldBe(LtvOracle.AcceptedEvents(body.JsonLines).Count);
        again.Long("accepted").ShouldBe(0);
        again.Long("duplicates").ShouldBe(zipped.Long("accepted") + zipped.Long("duplicates"));
    }

    [Fact]
    public async Task a_json_syntax_error_is_a_400_problem_and_what_came_before_is_kept()
    {
        await using var server = await ApiServer.StartAsync();
        const string before = """
            [{"type": "CUSTOMER", "verb": "NEW", "key": "kept", "event_time": "2017-01-06T12:46:46.384Z", "last_name": "Smith"},
             {"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-07T12:00:00Z", "customer_id": "kept", "total_amount": "10.00 USD"},
            """;
        const string after = """
             {"type": oops},
             {"type": "CUSTOMER", "verb": "NEW", "key": "lost", "event_time": "2017-01-08T12:00:00Z"}]
            """;

        var text = before + "\n" + after;

        using var response = await server.Client.PostAsync(new Uri("/api/events", UriKind.Relative), ApiServer.Body(Encoding.UTF8.GetBytes(text), EventsBody.Json));
        var problem = await response.ReadAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString()!.ShouldStartWith(
            $"The body could not be read to its end: invalid JSON at byte {text.IndexOf("oops", StringComparison.Ordinal)} (line 3)");
        var ingest = problem.GetProperty("ingest");
        (ingest.Long("accepted"), ingest.Long("rejected"), ingest.GetProperty("status").GetString()).ShouldBe((2L, 1L, "failed"));
        (await server.Client.GetJsonAsync("/api/customers/kept")).Long("orders").ShouldBe(1);
        (await server.Client.GetAsync(new Uri("/api/customers/lost", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var rejected = await server.Client.GetJsonAsync($"/api/rejected?run={ingest.Long("runId")}");
        rejected.GetArrayLength().ShouldBe(1);
        rejected[0].GetProperty("raw").GetString()!.ShouldStartWith("{\"type\": oops}");
    }

    [Fact]
    public async Task a_body_with_no_json_in_it_is_a_bad_request_that_says_so_and_keeps_its_lines()
    {
        await using var server = await ApiServer.StartAsync();
        var text = "Dear shop,\nplease find our events attached.\n";

        using var response = await server.Client.PostAsync(new Uri("/api/events", UriKind.Relative), ApiServer.Body(Encoding.UTF8.GetBytes(text), EventsBody.NdJson));
        var problem = await response.ReadAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe("The body could not be read: not JSON: no JSON value could be read in it. What it held is stored as rejections.");
        var ingest = problem.GetProperty("ingest");
        (ingest.Long("read"), ingest.Long("rejected"), ingest.GetProperty("status").GetString()).ShouldBe((2L, 2L, "failed"));
        (await server.Client.GetJsonAsync($"/api/rejected?run={ingest.Long("runId")}")).GetArrayLength().ShouldBe(2);
    }
}
