using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

// What `ltv bench` prints, on a tiny input: its figures are measured here, never judged (docs/PERFORMANCE.md).
public sealed class BenchCommandTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task bench_as_json_prints_every_figure_the_issue_names_and_the_baseline_own_scaling()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);

        var result = await ltv.RunAsync("bench", "--customers", "200", "--repetitions", "1", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var report = json.RootElement;
        double Figure(string name) => report.GetProperty(name).GetDouble();
        report.GetProperty("events").GetInt64().ShouldBeGreaterThan(200);
        report.GetProperty("scalingSmallEvents").GetInt64().ShouldBeLessThan(report.GetProperty("events").GetInt64());
        foreach (var name in new[]
                 {
                     "baselineEventsPerSec", "ingestEventsPerSec", "rebuildEventsPerSec", "top10P50Ms", "top10P99Ms",
                     "peakWorkingSetMb", "scalingTimeRatio4x", "baselineScalingTimeRatio4x",
                 })
        {
            Figure(name).ShouldBeGreaterThan(0, name);
        }

        // One repetition: each ratio is that repetition's rate over its baseline's.
        Figure("ingestRatio").ShouldBe(Figure("ingestEventsPerSec") / Figure("baselineEventsPerSec"), 1e-9);
        Figure("rebuildRatio").ShouldBe(Figure("rebuildEventsPerSec") / Figure("baselineEventsPerSec"), 1e-9);
        Figure("top10P99Ms").ShouldBeGreaterThanOrEqualTo(Figure("top10P50Ms"));
        report.GetProperty("top10Queries").GetInt32().ShouldBe(1000);
    }
}
