using System.Globalization;
using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// A rebuilt read model equals the live one, seen only through the CLI: `ltv rebuild --all` and `ltv rebuild NAME` for
/// every read model `ltv status` lists replay the whole log and change no answer, and a query started together with a
/// rebuild answers as before. That a rebuild repairs a damaged read model is for the store-aware tests
/// (Ltv.Projections.Tests.RebuildTests, OperationsCliTests): from outside, a read model cannot be damaged.
/// </summary>
public sealed class RebuildPromiseTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task a_rebuild_of_all_read_models_or_of_each_one_changes_no_answer()
    {
        var ltv = new LtvProcess(database.ConnectionString);
        using var input = await MixedInput.CreateAsync(ltv, seed: 47);
        var (_, live) = await input.IngestAsync(ltv);
        var names = await ReadModelsAsync(ltv);
        names.ShouldNotBeEmpty();

        var rebuilding = ltv.RunAsync("rebuild", "--all");
        var duringRebuild = await ltv.RunAsync([.. AnswersSnapshot.Top("customer"), "--format", "json"]);
        var all = await rebuilding;

        all.ExitCode.ShouldBe(0, all.Error);
        ShouldHaveReplayedTheLog(all.Output, names, live.Events);
        duringRebuild.Output.ShouldBe(live.Answers[string.Join(' ', AnswersSnapshot.Top("customer"))], "asked while the rebuild started");
        (await AnswersSnapshot.TakeAsync(ltv)).ShouldMatch(live, "after ltv rebuild --all");

        // Each rebuild replaces only its own read model, so one look after them all would show any of them wrong.
        foreach (var name in names)
        {
            var one = await ltv.RunAsync("rebuild", name);

            one.ExitCode.ShouldBe(0, one.Error);
            ShouldHaveReplayedTheLog(one.Output, [name], live.Events);
        }

        (await AnswersSnapshot.TakeAsync(ltv)).ShouldMatch(live, $"after ltv rebuild of {string.Join(", then ", names)}");
    }

    private static async Task<IReadOnlyList<string>> ReadModelsAsync(LtvProcess ltv)
    {
        var status = await ltv.RunAsync("status", "--format", "json");
        status.ExitCode.ShouldBe(0, status.Error);
        return [.. JsonNode.Parse(status.Output)!["projections"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())];
    }

    /// <summary>One line per read model, in order, each saying that it replayed every event of the log.</summary>
    private static void ShouldHaveReplayedTheLog(string output, IReadOnlyList<string> names, long events)
    {
        var replayed = $"rebuilt from {events.ToString("N0", CultureInfo.InvariantCulture)} events";
        var lines = output.TrimEnd().Split('\n');
        lines.Select(l => l.Split(':')[0]).ShouldBe(names);
        lines.ShouldAllBe(l => l.Contains(replayed));
    }
}
