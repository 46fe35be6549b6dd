using System.Text.Json.Nodes;
using Ltv.Host.Tests.Api;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Commands beside a running `ltv serve` on one store: the server's HotCold daemon holds every shard, so a command
/// never runs a read model beside it. An ingest waits for the server's daemon to reach its events; a rebuild, which
/// would replay a copy the server goes on applying, is refused with the way to do it.
/// </summary>
public sealed class ServeBesideCommandsTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task an_ingest_beside_serve_returns_with_the_ranking_caught_up_by_the_servers_daemon()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0, "the schema exists before the server starts");
        await using var server = await ServeProcess.StartAsync(ltv);

        var ingest = await ltv.RunAsync("ingest", IngestedApiServer.File, "--format", "json");
        var status = JsonNode.Parse((await ltv.RunAsync("status", "--format", "json")).Output)!;

        ingest.ExitCode.ShouldBe(0, ingest.Error);
        ingest.Error.ShouldBeEmpty("no warning: the server's daemon reached the ingest's events");
        var asynchronous = status["projections"]!.AsArray().Where(p => !p!["inline"]!.GetValue<bool>()).ToList();
        asynchronous.Count.ShouldBe(2);
        asynchronous.ShouldAllBe(p => p!["lag"]!.GetValue<long>() == 0);
        server.HasExited.ShouldBeFalse(server.Log);
    }

    [Fact]
    public async Task a_cli_rebuild_beside_serve_is_refused_with_one_line_that_names_the_servers_rebuild()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        (await ltv.RunAsync("ingest", IngestedApiServer.File)).ExitCode.ShouldBe(0);
        await using var server = await ServeProcess.StartAsync(ltv);

        var rebuild = await ltv.RunAsync("rebuild", "ltv_ranking");

        rebuild.ExitCode.ShouldBe(1);
        rebuild.Error.Trim().ShouldBe(
            "ltv: Another process runs the daemon for read model 'ltv_ranking' (ltv serve or ltv daemon): rebuild it through " +
            "that server (POST /api/projections/ltv_ranking/rebuild), or stop that process first.");
        var viaServer = await server.Client.PostAsync(new Uri("/api/projections/ltv_ranking/rebuild", UriKind.Relative), null);
        viaServer.IsSuccessStatusCode.ShouldBeTrue(await viaServer.Content.ReadAsStringAsync());
    }
}
