using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

/// <summary>status, project, rebuild and rejected as a user runs them.</summary>
public sealed class OperationsCliTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task status_as_json_has_the_documented_fields_and_lag_zero_after_project()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        await IngestWithoutCatchingUp.RunAsync(
            app.Database.ConnectionString, ltv.Schema, FixturePaths.Fixture("peers", "coderyogi__code-challenge__events.txt"));
        (await ltv.LagAsync()).ShouldBeGreaterThan(0, "the ingest left the async read models behind");
        (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);

        var result = await ltv.RunAsync("status", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.TryGetProperty("head", out _).ShouldBeTrue();
        json.RootElement.TryGetProperty("oldestOpenTransactionSeconds", out _).ShouldBeTrue();
        foreach (var projection in json.RootElement.GetProperty("projections").EnumerateArray())
        {
            foreach (var field in new[] { "name", "version", "position", "lag", "state" })
            {
                projection.TryGetProperty(field, out _).ShouldBeTrue(field);
            }

            projection.GetProperty("lag").GetInt64().ShouldBe(0);
        }
    }

    [Fact]
    public async Task rebuild_all_keeps_the_answer_and_an_unknown_name_is_a_one_line_error()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        await ltv.RunAsync("ingest", FixturePaths.Fixture("peers", "mrshutterfly__sflydwh__events.json"));
        var before = (await ltv.RunAsync("top", "5", "--format", "csv")).Output;

        var rebuild = await ltv.RunAsync("rebuild", "--all");
        var unknown = await ltv.RunAsync("rebuild", "no_such_model");

        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        (await ltv.RunAsync("top", "5", "--format", "csv")).Output.ShouldBe(before);
        unknown.ExitCode.ShouldNotBe(0);
        unknown.Error.Trim().ShouldStartWith("ltv: Unknown projection 'no_such_model'");
    }

    [Fact]
    public async Task rejected_lists_the_run_rejections_with_their_reasons()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        await ltv.RunAsync("ingest", FixturePaths.Fixture("peers", "ssunrising__LifeTimeValue__events.txt"));

        var result = await ltv.RunAsync("rejected", "--format", "json", "--reason", "event_time");

        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetArrayLength().ShouldBe(12);
        json.RootElement.EnumerateArray().ShouldAllBe(r => r.GetProperty("reason").GetString() == "invalid event_time");
    }
}
