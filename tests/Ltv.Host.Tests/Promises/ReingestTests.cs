using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// Exactly-once ingest through the CLI and the HTTP API only: the same files again, as a second `ltv ingest` or as
/// posts to `ltv serve`, are duplicates to the last record and change no answer, to the byte.
/// </summary>
public sealed class ReingestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task reingesting_the_same_files_changes_nothing_whether_by_the_cli_or_over_http()
    {
        var ltv = new LtvProcess(database.ConnectionString);
        using var input = await MixedInput.CreateAsync(ltv, seed: 15);
        var (first, before) = await input.IngestAsync(ltv);
        first.Figure("conflicting").ShouldBeGreaterThan(0, "the proof input holds a conflicting duplicate");

        var again = await IngestRuns.IngestAsync(ltv, input.Files);

        Figures(again).ShouldBe((first.Figure("read"), 0, first.Figure("accepted") + first.Figure("duplicates"), first.Figure("conflicting"), first.Figure("rejected")));
        (await AnswersSnapshot.TakeAsync(ltv)).ShouldMatch(before, "the same files ingested again");

        await using (var server = await ServeProcess.StartAsync(ltv))
        {
            foreach (var file in input.Files)
            {
                var posted = await server.PostEventsAsync(file);
                (posted.Figure("accepted"), posted.Figure("duplicates")).ShouldBe((0, posted.Figure("read") - posted.Figure("rejected")), file);
            }
        }

        (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);
        (await AnswersSnapshot.TakeAsync(ltv)).ShouldMatch(before, "the same files posted again over HTTP");
    }

    private static (long Read, long Accepted, long Duplicates, long Conflicting, long Rejected) Figures(JsonNode run) =>
        (run.Figure("read"), run.Figure("accepted"), run.Figure("duplicates"), run.Figure("conflicting"), run.Figure("rejected"));
}
