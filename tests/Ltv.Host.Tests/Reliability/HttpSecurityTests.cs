using System.Net;
using System.Text.Json;
using Ltv.Domain.Validation;
using Ltv.Host.Api;
using Ltv.Host.Ingestion;
using Ltv.Host.Tests.Api;
using Ltv.Projections;
using Ltv.Projections.Store.Summary;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Over HTTP: hostile path and query parameters are data, never SQL, and a write without the exact API key changes
/// nothing at all (no event, no run), whatever the header holds; the answer never echoes what was presented.
/// </summary>
public sealed class HttpSecurityTests
{
    private const string Time = "2017-01-06T12:00:00Z";

    [Fact]
    public async Task hostile_path_and_query_parameters_find_hostile_data_verbatim_or_are_refused_and_nothing_changes()
    {
        await using var server = await ApiServer.StartAsync();
        var lines = InjectionTests.Hostile.SelectMany(text => new[]
        {
            JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "CUSTOMER", ["verb"] = "NEW", ["key"] = text, ["event_time"] = Time, ["last_name"] = text }),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "X" + text, ["verb"] = "NEW", ["key"] = text, ["customer_id"] = text, ["event_time"] = Time }),
        });
        (await server.Client.PostAsync(new Uri(EventsEndpoint.Path, UriKind.Relative), ApiServer.NdJson(lines))).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var text in InjectionTests.Hostile)
        {
            var customer = await server.Client.GetJsonAsync($"/api/customers/{Uri.EscapeDataString(text)}");
            customer.GetProperty("customerId").GetString().ShouldBe(text);
            var reason = RejectionReasons.UnknownType("X" + text);
            var rejected = await server.Client.GetJsonAsync($"/api/rejected?reason={Uri.EscapeDataString(reason)}");
            rejected.EnumerateArray().ShouldHaveSingleItem(text).GetProperty("reason").GetString().ShouldBe(reason);
        }

        foreach (var path in new[]
                 {
                     "/api/customers/top?x=1;drop%20table%20ltv.mt_events", "/api/customers/top?lifespan=1e30", "/api/customers/top?lifespan=1001",
                     "/api/customers/top?timeframe=dataset'%20or%20'1'='1", "/api/ingests?limit=-1", "/api/rejected?run=1%20or%201=1",
                     "/api/rejected?limit=1;select%201", "/api/stats/daily/2017-01-06';drop%20table%20ltv.mt_events;--",
                     "/api/stats/top?from=2017-01-01&to=2017-12-31&by=revenue;drop",
                 })
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
        }

        var summary = await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default);
        summary.Events.ShouldBe(InjectionTests.Hostile.Length);
    }

    [Fact]
    public async Task a_write_without_the_exact_key_changes_nothing_and_the_answer_never_echoes_the_key_presented()
    {
        await using var server = await ApiServer.StartAsync();
        var body = new[] { $$"""{"type": "CUSTOMER", "verb": "NEW", "key": "keyed", "event_time": "{{Time}}"}""" };
        string?[] wrongKeys =
        [
            // (Spaces around the key are not tried: HTTP strips them from every header value.)
            null, "", ApiServer.Key[..^1], ApiServer.Key + "0", ApiServer.Key.ToUpperInvariant(), "x" + ApiServer.Key,
            new('k', 16_000), "' or '1'='1", $"{ApiServer.Key},{ApiServer.Key}",
        ];

        foreach (var key in wrongKeys)
        {
            using var client = server.NewClient(key);
            using var response = await client.PostAsync(new Uri($"{EventsEndpoint.Path}?apiKey={ApiServer.Key}", UriKind.Relative), ApiServer.NdJson(body));
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"key '{key}'");
            if (key is { Length: > 3 })
            {
                (await response.Content.ReadAsStringAsync()).ShouldNotContain(key.Trim());
            }
        }

        using (var forged = server.NewClient(null))
        {
            forged.DefaultRequestHeaders.Add(ApiKeyFilter.Header, [ApiServer.Key, "other"]);
            (await forged.PostAsync(new Uri(EventsEndpoint.Path, UriKind.Relative), ApiServer.NdJson(body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default)).Events.ShouldBe(0);
        (await server.Client.GetJsonAsync("/api/ingests")).GetArrayLength().ShouldBe(0, "a refused write starts no run");
        (await server.Client.PostAsync(new Uri(EventsEndpoint.Path, UriKind.Relative), ApiServer.NdJson(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
