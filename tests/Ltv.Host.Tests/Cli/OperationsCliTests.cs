using System.Text.Json;
using Ltv.Host.Tests.Promises;
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
        foreach (var field in new[] { "head", "events", "highWaterMark", "skippedGaps", "deadLetterEvents", "oldestOpenTransactionSeconds" })
        {
            json.RootElement.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        json.RootElement.GetProperty("highWaterMark").GetInt64().ShouldBe(json.RootElement.GetProperty("head").GetInt64());
        foreach (var projection in json.RootElement.GetProperty("projections").EnumerateArray())
        {
            foreach (var field in new[] { "name", "inline", "position", "lag", "lagSeconds", "state" })
            {
                projection.TryGetProperty(field, out _).ShouldBeTrue(field);
            }

            projection.GetProperty("lag").GetInt64().ShouldBe(0);
        }
    }

    [Fact]
    public async Task rebuild_all_gives_damaged_read_models_back_every_answer_and_an_unknown_name_is_a_one_line_error()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        await ltv.RunAsync("ingest", FixturePaths.InRepository("input", "events.json"));
        var live = await AnswersSnapshot.TakeAsync(ltv);
        await ReadModelDamage.DamageAsync(app.Database.ConnectionString, ltv.Schema, [.. ReadModelDamage.Names]);
        var damaged = await AnswersSnapshot.TakeAsync(ltv);
        var changed = live.Answers.Where(a => damaged.Answers.TryGetValue(a.Key, out var answer) && answer != a.Value).Select(a => a.Key).ToList();
        changed.ShouldContain(q => q.StartsWith("top ", StringComparison.Ordinal), "the damaged ranking shows");
        changed.ShouldContain(q => q.StartsWith("customer ", StringComparison.Ordinal), "the damaged customer lifetimes show");
        changed.ShouldContain(q => q.StartsWith("stats ", StringComparison.Ordinal), "the damaged daily statistics show");

        var rebuild = await ltv.RunAsync("rebuild", "--all");
        var unknown = await ltv.RunAsync("rebuild", "no_such_model");

        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        (await AnswersSnapshot.TakeAsync(ltv)).ShouldMatch(live, "after ltv rebuild --all");
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
