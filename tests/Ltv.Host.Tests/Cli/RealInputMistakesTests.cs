using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

/// <summary>What a new user met with real inputs (issue 17), through the CLI as a real process.</summary>
public sealed class RealInputMistakesTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private const string Visit = """{"type": "SITE_VISIT", "verb": "NEW", "key": "p1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "CUSTOMER"}""";

    private LtvProcess Ltv() => new(app.Database.ConnectionString);

    private static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-real-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    private static JsonElement[] Json(LtvProcess.Result result)
    {
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public async Task regression_reingesting_a_file_stores_none_of_its_rejections_again_though_its_summary_still_counts_them()
    {
        var ltv = Ltv();
        var events = FixturePaths.InRepository("input", "events.json");

        var first = await ltv.RunAsync("ingest", events, "--format", "json");
        var stored = Json(await ltv.RunAsync("rejected", "--format", "json"));
        var second = await ltv.RunAsync("ingest", events, "--format", "json");
        var storedAfter = Json(await ltv.RunAsync("rejected", "--format", "json"));
        var retry = await ltv.RunAsync("rejected", "retry");

        first.ExitCode.ShouldBe(0, first.Error);
        stored.Length.ShouldBe(6, "five rejected records and one conflicting duplicate");
        storedAfter.Select(r => r.GetProperty("id").GetInt64()).ShouldBe(stored.Select(r => r.GetProperty("id").GetInt64()));
        using var summary = JsonDocument.Parse(second.Output);
        summary.RootElement.GetProperty("rejected").GetInt64().ShouldBe(5);
        summary.RootElement.GetProperty("conflicting").GetInt64().ShouldBe(1);
        summary.RootElement.GetProperty("rejectedByReason").EnumerateObject().Sum(r => r.Value.GetInt64()).ShouldBe(5);
        retry.Output.ShouldStartWith("Retry run 3: 5 rejected events retried");
    }

    [Fact]
    public async Task two_ingests_of_one_file_at_once_store_each_rejection_once()
    {
        var ltv = Ltv();
        var events = FixturePaths.InRepository("input", "events.json");

        var both = await Task.WhenAll(ltv.RunAsync("ingest", events), ltv.RunAsync("ingest", events));

        both.ShouldAllBe(r => r.ExitCode == 0);
        Json(await ltv.RunAsync("rejected", "--format", "json")).Length.ShouldBe(6);
    }

    [Theory]
    [InlineData("random bytes")]
    [InlineData("plain text")]
    public async Task regression_a_file_with_no_json_in_it_is_an_error_not_a_completed_run(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-notjson-{Guid.NewGuid():N}.json");
        if (kind == "random bytes")
        {
            var bytes = new byte[4096];
            new Random(17).NextBytes(bytes);
            bytes[0] = 0x80; // not the gzip magic, not a byte order mark, not JSON
            await File.WriteAllBytesAsync(path, bytes);
        }
        else
        {
            await File.WriteAllTextAsync(path, "Dear shop,\nplease find our events attached.\nRegards\n");
        }

        var ltv = Ltv();
        var result = await ltv.RunAsync("ingest", path);

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd().ShouldBe($"ltv: {path}: not JSON: no JSON value could be read in it");
        Json(await ltv.RunAsync("rejected", "--format", "json")).ShouldNotBeEmpty("the bytes are kept as rejections");
    }

    [Fact]
    public async Task ndjson_with_some_bad_lines_still_completes()
    {
        var path = TempFile(Visit.Replace("CUSTOMER", "nd-1", StringComparison.Ordinal) + "\nnot json at all\n");

        var result = await Ltv().RunAsync("ingest", path);

        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Fact]
    public async Task regression_events_wrapped_in_an_object_are_all_ingested()
    {
        var ltv = Ltv();
        var wrapped = $$"""
            {"events": [
              {"type": "CUSTOMER", "verb": "NEW", "key": "wrapped-1", "event_time": "2017-01-06T12:00:00Z", "last_name": "Wrapped"},
              {{Visit.Replace("CUSTOMER", "wrapped-1", StringComparison.Ordinal)}},
              {"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-06T12:05:00Z", "customer_id": "wrapped-1", "total_amount": "12.50 USD"}
            ]}
            """;

        var ingest = await ltv.RunAsync("ingest", TempFile(wrapped), "--format", "json");
        var top = Json(await ltv.RunAsync("top", "1", "--format", "json"));

        ingest.ExitCode.ShouldBe(0, ingest.Error);
        using var summary = JsonDocument.Parse(ingest.Output);
        (summary.RootElement.GetProperty("read").GetInt64(), summary.RootElement.GetProperty("accepted").GetInt64()).ShouldBe((3, 3));
        top.ShouldHaveSingleItem().GetProperty("lastName").GetString().ShouldBe("Wrapped");
    }

    [Fact]
    public async Task regression_a_customer_without_a_last_name_and_one_without_a_customer_event_look_different()
    {
        var ltv = Ltv();
        var events = string.Join('\n',
            """{"type": "CUSTOMER", "verb": "NEW", "key": "nameless", "event_time": "2017-01-06T12:00:00Z", "adr_city": "Tempe"}""",
            Visit.Replace("CUSTOMER", "nameless", StringComparison.Ordinal),
            Visit.Replace("CUSTOMER", "unregistered", StringComparison.Ordinal));
        await ltv.RunAsync("ingest", TempFile(events));

        var top = await ltv.RunAsync("top", "2");
        var nameless = await ltv.RunAsync("customer", "nameless");
        var unregistered = await ltv.RunAsync("customer", "unregistered");

        top.Output.Split('\n').Single(l => l.Contains("nameless", StringComparison.Ordinal)).ShouldContain("(no last name given)");
        top.Output.Split('\n').Single(l => l.Contains("unregistered", StringComparison.Ordinal)).ShouldContain("(no CUSTOMER event yet)");
        nameless.Output.ShouldContain("(no last name given)");
        nameless.Output.ShouldNotContain("(no CUSTOMER event yet)");
        unregistered.Output.ShouldContain("(no CUSTOMER event yet)");
    }
}
