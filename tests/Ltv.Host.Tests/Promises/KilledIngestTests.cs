using System.Diagnostics;
using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;
using Xunit.Abstractions;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// An `ltv ingest` killed with SIGKILL half way (no clean-up of any kind) leaves a store whose figures still add up, and
/// the same file ingested again gives exactly the answers of one clean ingest. Seen only through the CLI.
/// </summary>
public sealed class KilledIngestTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    // Big enough that an ingest runs for seconds after its first batches commit, so that a poll sees it half way.
    private const int Customers = 4_000;

    [Fact]
    public async Task an_ingest_killed_half_way_then_run_again_gives_exactly_the_answers_of_one_clean_ingest()
    {
        var clean = new LtvProcess(database.ConnectionString);
        var file = await GeneratedInput.GenerateAsync(clean, Customers, seed: 31, bad: 0.05);
        try
        {
            (await clean.RunAsync("ingest", file)).ExitCode.ShouldBe(0);
            var expected = await AnswersSnapshot.TakeAsync(clean);
            var accepted = (await IngestRuns.ListAsync(clean)).Single().Figure("accepted");

            var (ltv, killed) = await KillHalfWayAsync(file);

            output.WriteLine($"killed with {killed.Figure("accepted")} of {accepted} events accepted");
            killed["status"]!.GetValue<string>().ShouldNotBe("completed");
            killed.Figure("accepted").ShouldBeInRange(1, accepted - 1, "the kill landed after a batch committed and before the last");
            await IngestRuns.ShouldAddUpAsync(ltv, "right after the kill");
            (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);
            var interrupted = await AnswersSnapshot.TakeAsync(ltv);
            interrupted.Events.ShouldBeLessThan(expected.Events);
            Should.Throw<ShouldAssertException>(() => interrupted.WithoutArrivalOrder().ShouldMatch(expected.WithoutArrivalOrder(), "killed"));

            var again = await ltv.RunAsync("ingest", file);

            again.ExitCode.ShouldBe(0, again.Error);
            await IngestRuns.ShouldAddUpAsync(ltv, "after the second ingest");
            var recovered = await AnswersSnapshot.TakeAsync(ltv);
            recovered.WithoutArrivalOrder().ShouldMatch(expected.WithoutArrivalOrder(), "killed half way, then ingested again");
            OracleRanking.ShouldAgree(recovered, await OracleRanking.ObjectsAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Starts `ltv ingest` and kills it as soon as GET /api/ingests of an `ltv serve` on the same store shows its run
    /// with committed events (the CLI's `ltv ingests` takes a process start per look, too slow a poll on a busy machine).
    /// A machine too quick for the polls may finish first; then a fresh store gets another try, three in all.
    /// </summary>
    private async Task<(LtvProcess Ltv, JsonNode KilledRun)> KillHalfWayAsync(string file)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var ltv = new LtvProcess(database.ConnectionString);
            (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0, "the store exists before the server starts");
            await using var server = await ServeProcess.StartAsync(ltv);
            using var ingest = ltv.Start("ingest", file);
            var drained = Task.WhenAll(ingest.StandardOutput.ReadToEndAsync(), ingest.StandardError.ReadToEndAsync());
            var halfWay = await FirstCommitAsync(server, ingest);
            ingest.Kill(); // SIGKILL: the process gets no chance to roll back, mark its run or close its connections.
            await ingest.WaitForExitAsync();
            await drained;
            if (halfWay)
            {
                return (ltv, (await IngestRuns.ListAsync(ltv)).Single());
            }

            output.WriteLine($"attempt {attempt}: the ingest finished before a poll saw it half way");
        }

        throw new ShouldAssertException("Three ingests finished before a poll saw one half way.");
    }

    /// <summary>Polls until the run is running with committed events (true), or the ingest has ended (false).</summary>
    private static async Task<bool> FirstCommitAsync(ServeProcess server, Process ingest)
    {
        while (!ingest.HasExited)
        {
            var runs = JsonNode.Parse(await server.Client.GetStringAsync(new Uri("/api/ingests", UriKind.Relative)))!.AsArray();
            if (runs.SingleOrDefault() is { } run && run["status"]!.GetValue<string>() == "running" && run.Figure("accepted") > 0)
            {
                return true;
            }

            await Task.Delay(20); // polling a condition, not waiting a fixed time
        }

        return false;
    }
}
