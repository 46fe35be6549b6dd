using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Promises;

/// <summary>The ingest runs as <c>ltv ingests</c> lists them, and the sums their figures must make with <c>ltv summary</c>.</summary>
public static class IngestRuns
{
    /// <summary>Every run, newest first.</summary>
    public static async Task<IReadOnlyList<JsonNode>> ListAsync(LtvProcess ltv)
    {
        var result = await ltv.RunAsync("ingests", "--limit", AnswersSnapshot.Everyone, "--format", "json");
        result.ExitCode.ShouldBe(0, result.Error);
        return [.. JsonNode.Parse(result.Output)!.AsArray().Select(run => run!)];
    }

    /// <summary>Runs `ltv ingest FILE... --format json`, expects it to complete, and returns the run's summary.</summary>
    public static async Task<JsonNode> IngestAsync(LtvProcess ltv, params string[] files)
    {
        var result = await ltv.RunAsync(["ingest", .. files, "--format", "json"]);
        result.ExitCode.ShouldBe(0, result.Error);
        return JsonNode.Parse(result.Output)!;
    }

    public static long Figure(this JsonNode run, string name) => run[name]!.GetValue<long>();

    /// <summary>
    /// Whatever state the store is in (a run killed half way included): every record a run read was accepted, a
    /// duplicate or rejected, its rejections add up per reason, and the events the runs accepted are the events stored.
    /// </summary>
    public static async Task ShouldAddUpAsync(LtvProcess ltv, string because)
    {
        var runs = await ListAsync(ltv);
        var summary = await ltv.RunAsync("summary", "--format", "json");
        summary.ExitCode.ShouldBe(0, summary.Error);
        var events = JsonNode.Parse(summary.Output)!["summary"]!["events"]!.GetValue<long>();

        foreach (var run in runs)
        {
            var id = run.Figure("runId");
            run.Figure("read").ShouldBe(run.Figure("accepted") + run.Figure("duplicates") + run.Figure("rejected"), $"{because}: run {id}");
            run["rejectedByReason"]!.AsObject().Sum(r => r.Value!.GetValue<long>()).ShouldBe(run.Figure("rejected"), $"{because}: reasons of run {id}");
        }

        runs.Sum(r => r.Figure("accepted")).ShouldBe(events, $"{because}: the runs' accepted events against the store's");
    }
}
