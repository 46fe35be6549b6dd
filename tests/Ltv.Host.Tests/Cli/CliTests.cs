using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

public sealed class CliTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private LtvProcess Ltv() => new(app.Database.ConnectionString);

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task ingest_with_top_prints_the_summary_then_the_top_customers()
    {
        var ltv = Ltv();
        var result = await ltv.RunAsync("ingest", FixturePaths.Fixture("peers", "mrshutterfly__sflydwh__events.json"), "--top", "3");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("accepted");
        result.Output.ShouldContain("96f55c7d8f43");
        result.Output.ShouldContain("6035123.12");
    }

    [Fact]
    public async Task top_as_json_is_an_array_of_the_documented_fields_with_two_decimal_numbers()
    {
        var ltv = Ltv();
        await ltv.RunAsync("ingest", FixturePaths.Fixture("peers", "hitchhiker-__shutterfly_challenge_1223__input.txt"));

        var result = await ltv.RunAsync("top", "2", "--format", "json", "--timeframe", "customer");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetArrayLength().ShouldBe(2);
        var first = json.RootElement[0];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(["customerId", "lastName", "visits", "orders", "revenue", "weeks", "ltv"]);
        first.GetProperty("ltv").GetRawText().ShouldBe("57590.00");
        first.GetProperty("revenue").GetRawText().ShouldBe("110.75");
    }

    [Fact]
    public async Task top_as_csv_has_a_header_row_and_one_line_per_customer()
    {
        var ltv = Ltv();
        await ltv.RunAsync("ingest", FixturePaths.Fixture("peers", "hitchhiker-__shutterfly_challenge_1223__input.txt"));

        var result = await ltv.RunAsync("top", "3", "--format", "csv");

        var lines = result.Output.TrimEnd().Split('\n');
        lines[0].ShouldBe("customerId,lastName,visits,orders,revenue,weeks,ltv");
        lines.Length.ShouldBe(4);
    }

    [Fact]
    public async Task a_missing_file_exits_non_zero_with_one_line_and_no_stack_trace()
    {
        var ltv = Ltv();
        var result = await ltv.RunAsync("ingest", "/no/such/file.json");

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().ShouldBe("ltv: File not found: /no/such/file.json");
    }

    [Fact]
    public async Task an_unreachable_database_exits_non_zero_with_one_line()
    {
        var result = await new LtvProcess("Host=/nonexistent/socket/dir;Username=ltv;Database=ltv;Timeout=3").RunAsync("top", "3");

        result.ExitCode.ShouldNotBe(0);
        var lines = result.Error.Trim().Split('\n');
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldStartWith("ltv: The database is unreachable");
    }

    [Fact]
    public async Task a_broken_json_array_keeps_what_came_before_and_exits_non_zero_with_one_line()
    {
        var ltv = Ltv();
        var good = """{"type": "CUSTOMER", "verb": "NEW", "key": "before-break", "event_time": "2017-01-06T12:46:46Z", "last_name": "Kept"}""";
        var path = TempFile($$"""[{{good}}, {"type": "SITE_VISIT", "verb": "NEW", "key": "v""");

        var result = await ltv.RunAsync("ingest", path, "--format", "json");

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("invalid JSON");
        using var summary = JsonDocument.Parse(result.Output);
        summary.RootElement.GetProperty("accepted").GetInt64().ShouldBe(1);
        summary.RootElement.GetProperty("rejected").GetInt64().ShouldBe(1);
        (await ltv.RunAsync("customer", "before-break")).Output.ShouldContain("Kept");
    }

    [Fact]
    public async Task without_arguments_and_without_a_terminal_it_prints_the_help()
    {
        var ltv = Ltv();
        var result = await ltv.RunAsync();

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("Usage:");
        result.Output.ShouldContain("ingest");
    }

    [Fact]
    public async Task an_unknown_option_value_is_refused_with_a_message()
    {
        var ltv = Ltv();
        var result = await ltv.RunAsync("top", "3", "--timeframe", "fortnight");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("fortnight");
        result.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    public async Task regression_top_with_a_count_that_is_not_a_whole_number_of_zero_or_more_is_a_message_not_a_stack_trace(string count)
    {
        var ltv = Ltv();

        var result = await ltv.RunAsync("top", count, "--lifespan", "abc");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldNotContain("   at ");
        result.Error.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task a_lifespan_of_zero_is_refused_with_a_message()
    {
        var result = await Ltv().RunAsync("top", "3", "--lifespan", "0");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("--lifespan must be a number of years more than 0 and at most 1000, not '0'");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task regression_clv_fit_as_json_prints_null_for_a_figure_that_ran_off_to_infinity()
    {
        var ltv = Ltv();
        var events = TempFile("");
        await ltv.RunAsync("generate", "--customers", "400", "--seed", "7", "--out", events);
        await ltv.RunAsync("ingest", events);

        var result = await ltv.RunAsync("clv", "fit", "--format", "json");

        // On this data the Gamma-Gamma q comes out at 1 or less: the mean spend is infinite.
        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("gammaGamma").GetProperty("logLikelihood").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task regression_stats_range_ending_on_the_last_possible_day_answers_instead_of_crashing()
    {
        var ltv = Ltv();

        var last = await ltv.RunAsync("stats", "range", "--from", "9999-12-30", "--to", "9999-12-31", "--format", "csv");
        var huge = await ltv.RunAsync("stats", "range", "--from", "0001-01-01", "--to", "9999-12-31");

        last.ExitCode.ShouldBe(0, last.Error);
        last.Output.ShouldContain("9999-12-31,0,0,0,0,0,0.00");
        huge.ExitCode.ShouldNotBe(0);
        huge.Error.Trim().ShouldBe("ltv: --from/--to: a range is at most 36600 days, one answer per day.");
    }
}
