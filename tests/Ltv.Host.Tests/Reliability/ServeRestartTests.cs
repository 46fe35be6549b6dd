using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ltv.Host.Api;
using Ltv.Host.Ingestion;
using Ltv.Host.Generation;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.LocalPostgres;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// `ltv serve` outlives its database: while PostgreSQL is down every request fails clearly (503, a problem naming
/// the cause), and once it is back the same process answers and ingests again, its daemon catching up by itself.
/// A throw-away cluster is restarted, never the shared one.
/// </summary>
public sealed class ServeRestartTests
{
    [Fact]
    public async Task a_database_restart_during_serve_gives_clear_503s_and_then_everything_works_again()
    {
        await using var folder = new TemporaryCluster();
        var cluster = folder.NewCluster();
        var ltv = new LtvProcess(await cluster.EnsureStartedAsync());
        (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0);
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 60, Seed: 5)).Distinct().ToList();
        await using var server = await ServeProcess.StartAsync(ltv);
        (await PostAsync(server, lines[..(lines.Count / 2)])).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cluster.StopAsync();

        foreach (var request in Requests(lines[(lines.Count / 2)..]))
        {
            using var response = await server.Client.SendAsync(request());
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{request().RequestUri} while the database is down");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            (problem.TryGetProperty("title", out var title) ? title.GetString() : problem.GetProperty("status").GetString())
                .ShouldBeOneOf("Database unavailable", "unhealthy");
        }

        await cluster.EnsureStartedAsync();

        await EventuallyAsync(server, async () => (await server.Client.GetAsync(new Uri("/api/customers/top?x=3", UriKind.Relative))).StatusCode);
        (await PostAsync(server, lines[(lines.Count / 2)..])).StatusCode.ShouldBe(HttpStatusCode.OK);
        await EventuallyAsync(server, async () => await LagAsync(server) == 0 ? HttpStatusCode.OK : HttpStatusCode.Accepted);
        using var summary = JsonDocument.Parse((await ltv.RunAsync("summary", "--format", "json")).Output);
        summary.RootElement.GetProperty("summary").GetProperty("events").GetInt64().ShouldBe(lines.Count);
        server.HasExited.ShouldBeFalse();
        server.Log.ShouldNotContain("Unhandled exception");
    }

    private static IEnumerable<Func<HttpRequestMessage>> Requests(List<string> lines) =>
    [
        () => new HttpRequestMessage(HttpMethod.Get, "/api/customers/top?x=3"),
        () => new HttpRequestMessage(HttpMethod.Get, "/api/customers/c0000001"),
        () => new HttpRequestMessage(HttpMethod.Get, "/api/ingests"),
        () => new HttpRequestMessage(HttpMethod.Get, "/api/stats/daily/2017-01-06"),
        () => new HttpRequestMessage(HttpMethod.Get, "/health"),
        () => new HttpRequestMessage(HttpMethod.Post, EventsEndpoint.Path) { Content = Body(lines) },
    ];

    private static Task<HttpResponseMessage> PostAsync(ServeProcess server, List<string> lines) =>
        server.Client.PostAsync(new Uri(EventsEndpoint.Path, UriKind.Relative), Body(lines));

    private static ByteArrayContent Body(List<string> lines)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue(EventsBody.NdJson);
        return content;
    }

    private static async Task<long> LagAsync(ServeProcess server)
    {
        using var health = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return health.RootElement.GetProperty("projections").EnumerateArray().Sum(p => p.GetProperty("lag").GetInt64());
    }

    /// <summary>Retries until OK for up to a minute; every answer before that must be a clear 503, never a 500.</summary>
    private static async Task EventuallyAsync(ServeProcess server, Func<Task<HttpStatusCode>> attempt)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await attempt();
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            status.ShouldBeOneOf([HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted], server.Log);
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, server.Log);
            await Task.Delay(200);
        }
    }
}
