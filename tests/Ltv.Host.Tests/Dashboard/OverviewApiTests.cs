using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ltv.Domain.Lifetime;
using Ltv.Host.Composition;
using Ltv.Host.Tests.Api;
using Ltv.Projections.Ranking;
using Ltv.Testing;

namespace Ltv.Host.Tests.Dashboard;

/// <summary>What the dashboard reads besides the other endpoints: the summary, the LTV histogram, and the page's own files.</summary>
public sealed partial class OverviewApiTests(IngestedApiServer data) : IClassFixture<IngestedApiServer>
{
    private HttpClient Client => data.Server.Client;

    [Fact]
    public async Task the_summary_is_the_summary_of_the_cli_json()
    {
        var cli = JsonNode.Parse((await data.Cli.RunAsync("summary", "--format", "json")).Output)!["summary"]!;

        (await Client.GetJsonAsync("/api/summary")).ShouldBeSameJson(cli.ToJsonString());
    }

    [Theory]
    [InlineData("dataset", "linear", 20)]
    [InlineData("dataset", "log", 7)]
    [InlineData("customer", "linear", 1)]
    [InlineData("customer", "log", 200)]
    public async Task the_histogram_puts_every_customer_of_the_ltv_rule_in_the_bucket_of_its_ltv(string timeframe, string scale, int buckets)
    {
        var settings = new LtvSettings(TimeframeNames.Parse(timeframe));
        var ltvs = LtvRanking.Top(LtvOracle.Customers(await Lines()), settings, int.MaxValue).Select(c => c.Ltv).ToList();
        var positive = ltvs.Where(v => v > 0).ToList();

        var histogram = await Client.GetJsonAsync($"/api/customers/ltv-histogram?timeframe={timeframe}&scale={scale}&buckets={buckets}");

        (histogram.GetProperty("timeframe").GetString(), histogram.GetProperty("scale").GetString()).ShouldBe((timeframe, scale));
        histogram.Long("customers").ShouldBe(ltvs.Count);
        histogram.Long("withoutRevenue").ShouldBe(ltvs.Count - positive.Count);
        (histogram.GetProperty("min").GetDecimal(), histogram.GetProperty("max").GetDecimal()).ShouldBe((positive.Min(), positive.Max()));
        var drawn = histogram.GetProperty("buckets").EnumerateArray()
            .Select(b => (From: b.GetProperty("from").GetDecimal(), To: b.GetProperty("to").GetDecimal(), Customers: b.Long("customers"))).ToList();
        drawn.Count.ShouldBeInRange(1, buckets);
        drawn[0].From.ShouldBe(scale == "linear" ? 0m : positive.Min());
        drawn[^1].To.ShouldBe(positive.Max());
        for (var i = 0; i < drawn.Count; i++)
        {
            var last = i == drawn.Count - 1;
            drawn[i].Customers.ShouldBe(positive.Count(v => v >= drawn[i].From && (v < drawn[i].To || (last && v == drawn[i].To))), $"bucket {i}");
            if (!last)
            {
                drawn[i].To.ShouldBe(drawn[i + 1].From);
            }
        }
    }

    [Fact]
    public async Task five_linear_buckets_split_the_leader_s_ltv_in_fifths()
    {
        var histogram = await Client.GetJsonAsync("/api/customers/ltv-histogram?buckets=5");

        // Hand-checked: the leader is c0000032 at 7081.10 (output/output.txt), and 7081.10 / 5 = 1416.22.
        histogram.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("from").GetDecimal())
            .ShouldBe([0m, 1416.22m, 2832.44m, 4248.66m, 5664.88m]);
    }

    [Theory]
    [InlineData("buckets=0", "buckets must be from 1 to 200; it is 0.")]
    [InlineData("scale=cubic", "Unknown scale 'cubic': use linear or log.")]
    [InlineData("timeframe=week", "Unknown timeframe 'week': use 'dataset' or 'customer'.")]
    [InlineData("lifespan=0", "lifespan must be more than 0 and at most 1000 years; it is 0.")]
    public async Task a_bad_histogram_parameter_is_a_400_naming_it(string query, string detail)
    {
        using var response = await Client.GetAsync(new Uri($"/api/customers/ltv-histogram?{query}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public void edges_are_distinct_cents_even_when_cents_cannot_make_as_many_buckets_as_asked()
    {
        HistogramEdges.Of(0.05m, 0.07m, 20, HistogramScale.Linear).ShouldBe([0m, 0.01m, 0.02m, 0.03m, 0.04m, 0.05m, 0.06m]);
        HistogramEdges.Of(12.5m, 12.5m, 20, HistogramScale.Log).ShouldBe([12.5m]);
        HistogramEdges.Of(1m, 1000m, 3, HistogramScale.Log).ShouldBe([1m, 10m, 100m]); // 1000^(1/3) = 10, hand-checked
    }

    [Fact]
    public async Task an_empty_store_has_an_empty_summary_and_histogram()
    {
        await using var empty = await ApiServer.StartAsync();

        (await empty.Client.GetJsonAsync("/api/summary")).ShouldBeSameJson(
            """{"events":0,"customers":0,"customersWithoutProfile":0,"firstEventTime":null,"lastEventTime":null}""");
        var histogram = await empty.Client.GetJsonAsync("/api/customers/ltv-histogram?scale=log");
        (histogram.Long("customers"), histogram.GetProperty("buckets").GetArrayLength()).ShouldBe((0L, 0));
    }

    [Fact]
    public async Task the_page_and_every_file_it_names_are_served_with_a_content_policy()
    {
        using var page = await Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");

        var named = new Queue<string>(Named().Matches(html).Select(m => m.Groups["path"].Value).Where(p => !p.Contains(':', StringComparison.Ordinal)));
        var served = new HashSet<string>();
        while (named.TryDequeue(out var path))
        {
            if (!served.Add(path))
            {
                continue;
            }

            using var response = await Client.GetAsync(new Uri("/" + path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
                foreach (Match import in Imported().Matches(await response.Content.ReadAsStringAsync()))
                {
                    named.Enqueue("js/" + import.Groups["module"].Value);
                }
            }
        }

        served.ShouldContain("js/main.js");
        served.ShouldContain("js/charts.js");
        served.ShouldContain("dashboard.css");
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>[^""#]+)""")]
    private static partial Regex Named();

    [GeneratedRegex("""from '\./(?<module>[a-z]+\.js)'""")]
    private static partial Regex Imported();

    private static async Task<List<string>> Lines() =>
        [.. JsonDocument.Parse(await File.ReadAllTextAsync(IngestedApiServer.File)).RootElement.EnumerateArray().Select(e => e.GetRawText())];
}
