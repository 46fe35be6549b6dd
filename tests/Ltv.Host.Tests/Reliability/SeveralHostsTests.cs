using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;
using Xunit.Abstractions;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Two `ltv serve` processes on one store (README, "Several hosts"): both ingest and answer, each async read model is
/// applied by exactly one of them (Marten's HotCold lock, as `ltv status` shows it), a kill -9 of the host that runs
/// them hands them to the other, a SIGTERM of a host hands them over and removes its heartbeat, and in the end every
/// read model equals the one an ingest of the same file into an empty store builds.
/// </summary>
public sealed class SeveralHostsTests(LtvTestApp app, ITestOutputHelper output) : IClassFixture<LtvTestApp>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task the_read_models_move_to_the_surviving_host_after_a_kill_9_and_equal_a_fold_of_the_log()
    {
        var clean = new LtvProcess(app.Database.ConnectionString);
        var file = await GeneratedInput.GenerateAsync(clean, 1_500, seed: 31);
        try
        {
            (await clean.RunAsync("ingest", file)).ExitCode.ShouldBe(0);
            var expected = await StoreSnapshot.TakeAsync(app.Database.DataSource, clean.Schema);
            var lines = await File.ReadAllLinesAsync(file);
            var thirds = lines.Chunk((lines.Length + 2) / 3).ToList();

            var schema = new LtvProcess(app.Database.ConnectionString).Schema;
            await using var a = await ServeProcess.StartAsync(Named(schema, "host-a"));
            await using var b = await ServeProcess.StartAsync(Named(schema, "host-b"));
            var ltv = new LtvProcess(app.Database.ConnectionString, schema);

            // Both hosts ingest and answer; each read model runs on one of them.
            (await PostAsync(a, thirds[0])).ShouldBe(thirds[0].Length);
            (await PostAsync(b, thirds[1])).ShouldBe(thirds[1].Length);
            var shared = await CaughtUpAsync(ltv, ["ltv serve host-a", "ltv serve host-b"]);
            shared.Hosts.Keys.ShouldBe(["host-a", "host-b"], ignoreOrder: true);
            shared.Hosts.Values.ShouldAllBe(age => age < 10, "both hosts beat every 2 s");
            (await TopAsync(b)).ShouldBe(await TopAsync(a), "both hosts answer from the same read models");

            // A rebuild runs on the host whose daemon runs the copy it replays; the other says where to send it.
            var rebuilds = new[] { await RebuildAsync(a), await RebuildAsync(b) };
            rebuilds.ShouldContain(HttpStatusCode.OK);
            rebuilds.ShouldAllBe(status => status == HttpStatusCode.OK || status == HttpStatusCode.Conflict);

            // kill -9 of the host running the ranking: the other takes every read model over.
            var (victim, survivor, survivorName) = shared.RunBy["ltv_ranking"] == "ltv serve host-a" ? (a, b, "host-b") : (b, a, "host-a");
            var clock = Stopwatch.StartNew();
            victim.Kill();
            var takenOver = await CaughtUpAsync(ltv, [$"ltv serve {survivorName}"], allOn: true);
            output.WriteLine($"takeover after kill -9: {clock.Elapsed.TotalSeconds:F1} s");
            takenOver.Hosts[survivorName].ShouldBeLessThan(10);

            // The survivor goes on ingesting; a third host joins and takes over when the survivor stops gracefully.
            (await PostAsync(survivor, thirds[2])).ShouldBe(thirds[2].Length);
            await using var c = await ServeProcess.StartAsync(Named(schema, "host-c"));
            await CaughtUpAsync(ltv, [$"ltv serve {survivorName}"], allOn: true);
            clock.Restart();
            await survivor.TerminateAsync();
            var handedOver = await CaughtUpAsync(ltv, ["ltv serve host-c"], allOn: true);
            output.WriteLine($"hand-over after SIGTERM: {clock.Elapsed.TotalSeconds:F1} s");
            handedOver.Hosts.Keys.ShouldNotContain(survivorName, "a host that stops deletes its heartbeat");

            await StoreSnapshot.ShouldBeConsistentAsync(app.Database.DataSource, schema, "after a kill -9 and a hand-over");
            (await StoreSnapshot.TakeAsync(app.Database.DataSource, schema)).ShouldMatch(expected, "ingested through three hosts, one killed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private LtvProcess Named(string schema, string host) =>
        new(app.Database.ConnectionString, schema) { Environment = { ["LTV_HOST_NAME"] = host } };

    private static async Task<long> PostAsync(ServeProcess server, string[] lines) =>
        (await server.PostLinesAsync(lines))["read"]!.GetValue<long>();

    private static async Task<HttpStatusCode> RebuildAsync(ServeProcess server)
    {
        using var response = await server.Client.PostAsync(new Uri("/api/projections/ltv_ranking/rebuild", UriKind.Relative), content: null);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            body.ShouldContain("Another host runs read model 'ltv_ranking'");
        }

        return response.StatusCode;
    }

    private static async Task<string> TopAsync(ServeProcess server) =>
        await server.Client.GetStringAsync(new Uri("/api/customers/top?x=20", UriKind.Relative));

    /// <summary>What `ltv status` says about who runs the async read models and which hosts beat.</summary>
    private sealed record Sharing(IReadOnlyDictionary<string, string?> RunBy, IReadOnlyDictionary<string, double> Hosts);

    /// <summary>
    /// Waits until every async read model has no lag and is run by one of <paramref name="hosts"/> (every one of them
    /// by the one host given, when <paramref name="allOn"/>).
    /// </summary>
    private static async Task<Sharing> CaughtUpAsync(LtvProcess ltv, string[] hosts, bool allOn = false)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            var status = await ltv.RunAsync("status", "--format", "json");
            status.ExitCode.ShouldBe(0, status.Error);
            var json = JsonNode.Parse(status.Output)!;
            var async = json["projections"]!.AsArray().Where(p => !p!["inline"]!.GetValue<bool>()).ToList();
            var sharing = new Sharing(
                async.ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["runBy"]?.GetValue<string>()),
                json["hosts"]!.AsArray().ToDictionary(h => h!["name"]!.GetValue<string>(), h => h!["heartbeatAgeSeconds"]!.GetValue<double>()));
            var runners = sharing.RunBy.Values.Distinct().ToList();
            if (async.All(p => p!["lag"]!.GetValue<long>() == 0) && runners.All(r => hosts.Contains(r)) && (!allOn || runners.Count == 1))
            {
                return sharing;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"read models not caught up on {string.Join(" or ", hosts)}: {status.Output}");
            await Task.Delay(250);
        }
    }
}
