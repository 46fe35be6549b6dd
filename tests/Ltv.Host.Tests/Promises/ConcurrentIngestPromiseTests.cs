using System.Text.Json.Nodes;
using Ltv.Host.Tests.Api;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// Ingests that overlap in time and in content, through `ltv ingest` processes and posts to `ltv serve` at once, store
/// every event exactly once: the answers are those of one ingest of the union of their files, and the domain oracle's.
/// </summary>
public sealed class ConcurrentIngestPromiseTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // A post of the whole union is held open half way while the others run. Its first part must fill a batch of each
    // of the three writers (5,000 records each) so that it has committed something while the others write.
    private const int Customers = 3_000;
    private const int HeldBack = 16_000;

    [Fact]
    public async Task overlapping_ingests_and_posts_at_once_give_exactly_the_answers_of_one_ingest_of_their_union()
    {
        var reference = new LtvProcess(database.ConnectionString);
        var union = await GeneratedInput.GenerateAsync(reference, Customers, seed: 23, bad: 0.05);
        var lines = await File.ReadAllLinesAsync(union);
        var files = GeneratedInput.Overlapping(lines, 4);
        try
        {
            (await reference.RunAsync("ingest", union)).ExitCode.ShouldBe(0);
            var expected = await AnswersSnapshot.TakeAsync(reference);
            OracleRanking.ShouldAgree(expected, await OracleRanking.ObjectsAsync(union));

            var ltv = new LtvProcess(database.ConnectionString);
            (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0, "the store exists before the server starts");
            await using var server = await ServeProcess.StartAsync(ltv);
            using var held = new GatedContent(lines[..HeldBack], lines[HeldBack..]);
            var posting = server.Client.PostAsync(new Uri("/api/events", UriKind.Relative), held);
            var heldRun = await RunWithCommittedEventsAsync(server);

            await Task.WhenAll(files.Select((file, i) => i % 2 == 0 ? IngestAsync(ltv, file) : PostAsync(server, file)));
            var meanwhile = (await FirstRunAsync(server))!;
            held.Release();
            using var response = await posting;

            (meanwhile.Figure("runId"), meanwhile["status"]!.GetValue<string>()).ShouldBe((heldRun, "running"), "the held post was open all along");
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);
            await IngestRuns.ShouldAddUpAsync(ltv, "after the concurrent writers");
            (await AnswersSnapshot.TakeAsync(ltv)).WithoutArrivalOrder()
                .ShouldMatch(expected.WithoutArrivalOrder(), "a post of the union held open while two CLI ingests and two posts of halves ran");
            server.HasExited.ShouldBeFalse(server.Log);
        }
        finally
        {
            foreach (var file in files.Append(union))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Polls (up to a minute) until the only run so far has committed events; returns its id.</summary>
    private static async Task<long> RunWithCommittedEventsAsync(ServeProcess server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await FirstRunAsync(server) is { } run && run.Figure("accepted") > 0)
            {
                return run.Figure("runId");
            }

            await Task.Delay(50, timeout.Token); // polling a condition, not waiting a fixed time
        }
    }

    /// <summary>The oldest run of the store (the held post's), as GET /api/ingests shows it; null before it starts.</summary>
    private static async Task<JsonNode?> FirstRunAsync(ServeProcess server)
    {
        var runs = JsonNode.Parse(await server.Client.GetStringAsync(new Uri("/api/ingests?limit=1000", UriKind.Relative)))!.AsArray();
        return runs.Select(r => r!).MinBy(r => r.Figure("runId"));
    }

    private static async Task IngestAsync(LtvProcess ltv, string file)
    {
        var result = await ltv.RunAsync("ingest", file, "--format", "json");
        result.ExitCode.ShouldBe(0, result.Error);
    }

    private static async Task PostAsync(ServeProcess server, string file) =>
        (await server.PostEventsAsync(file))["status"]!.GetValue<string>().ShouldBe("completed");
}
