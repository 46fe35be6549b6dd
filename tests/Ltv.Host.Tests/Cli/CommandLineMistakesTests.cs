using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

/// <summary>
/// Every <c>ltv</c> command given invalid arguments, run as a real process: one line on standard error that says
/// what was wrong, no stack trace, no help text, and a non-zero exit (README, "Commands").
/// </summary>
public sealed class CommandLineMistakesTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    public static TheoryData<string[]> Mistakes() =>
    [
        ["bogus"],
        ["ingest"],
        ["ingest", "input/events.json", "--top", "-1"],
        ["ingest", "input/events.json", "--format", "xml"],
        ["ingest", "input"],
        ["ingest", "/no/such/file.json"],
        ["top", "abc"],
        ["top", "99999999999"],
        ["top", "-1"],
        ["top", "10", "--format", "xml"],
        ["top", "10", "--lifespan", "-5"],
        ["top", "10", "--lifespan", "abc"],
        ["top", "10", "--timeframe", "fortnight"],
        ["top", "10", "20"],
        ["top", "10", "--nope"],
        ["customer"],
        ["customer", "c1", "--format", "csv"],
        ["customer", "no-such-customer"],
        ["ingests", "--limit", "-1"],
        ["project", "--max-wait", "-1"],
        ["summary", "--format", "csv"],
        ["generate", "--out", "never-written.json"],
        ["generate", "--customers", "0", "--out", "never-written.json"],
        ["generate", "--customers", "3", "--duplicates", "2", "--out", "never-written.json"],
        ["generate", "--customers", "3", "--format", "xml", "--out", "never-written.json"],
        ["bench", "--customers", "1"],
        ["bench", "--repetitions", "0"],
        ["bench", "--format", "csv"],
        ["clv"],
        ["clv", "bogus"],
        ["clv", "top", "-1"],
        ["clv", "top", "3", "--horizon-months", "0"],
        ["clv", "fit", "--format", "csv"],
        ["clv", "fit", "--unit", "month"],
        ["clv", "customer"],
        ["clv", "validate", "--calibration-end", "1997-02-30"],
        ["import", "cdnow", "/no/such/CDNOW_sample.txt", "--out", "never-written.ndjson"],
        ["import", "cdnow", "input/events.json"],
        ["stats"],
        ["stats", "day"],
        ["stats", "day", "2017-13-01"],
        ["stats", "range", "--from", "2017-01-02", "--to", "2017-01-01"],
        ["stats", "top", "--from", "2017-01-01", "--to", "2017-01-31", "--by", "colour"],
        ["stats", "repeaters", "--from", "yesterday"],
        ["stats", "backfill", "extra"],
        ["status", "--format", "csv"],
        ["rebuild"],
        ["rebuild", "no_such_model"],
        ["daemon", "--bogus"],
        ["rejected", "--run", "0"],
        ["rejected", "--run", "999"],
        ["rejected", "retry", "--run", "abc"],
        ["serve", "--bogus"],
    ];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task a_mistaken_command_gets_one_ltv_line_on_standard_error_no_help_no_stack_trace_and_a_non_zero_exit(string[] args)
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync(args);

        result.ExitCode.ShouldNotBe(0);
        var lines = result.Error.TrimEnd().Split('\n');
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldStartWith("ltv: ");
        result.Error.ShouldNotContain("   at ");
        result.Error.ShouldNotContain("Exception");
        result.Error.ShouldNotContain("System.");
        (result.Output + result.Error).ShouldNotContain("Usage:");
        (result.Output + result.Error).ShouldNotContain("Description:");
    }

    [Theory]
    [InlineData(new[] { "top", "10", "--format", "xml" }, "ltv: --format must be table, csv or json, not 'xml'; see 'ltv top --help'")]
    [InlineData(new[] { "top", "10", "--lifespan", "abc" }, "ltv: --lifespan must be a number of years more than 0 and at most 1000, not 'abc'; see 'ltv top --help'")]
    [InlineData(new[] { "top", "99999999999" }, "ltv: X must be a whole number from 0 to 2147483647, not '99999999999'; see 'ltv top --help'")]
    [InlineData(new[] { "histogram", "--buckets", "0" }, "ltv: --buckets must be a whole number from 1 to 200, not '0'; see 'ltv histogram --help'")]
    [InlineData(new[] { "histogram", "--scale", "cubic" }, "ltv: --scale must be linear or log, not 'cubic'; see 'ltv histogram --help'")]
    [InlineData(new[] { "clv", "top", "-1" }, "ltv: X must be a whole number from 0 to 2147483647, not '-1'; see 'ltv clv top --help'")]
    [InlineData(new[] { "customer", "c1", "--format", "csv" }, "ltv: --format must be table or json, not 'csv'; see 'ltv customer --help'")]
    [InlineData(new[] { "stats" }, "ltv: missing a command: the commands are day, range, top, repeaters or backfill; see 'ltv stats --help'")]
    public async Task a_mistake_says_what_was_wrong_and_what_is_allowed(string[] args, string expected)
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync(args);

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd().ShouldBe(expected);
    }

    [Fact]
    public async Task an_unknown_command_lists_the_commands_there_are()
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync("bogus");

        result.Error.ShouldStartWith("ltv: unknown command 'bogus': the commands are ingest, top, customer,");
        result.Error.TrimEnd().ShouldEndWith("; see 'ltv --help'");
    }

    [Fact]
    public async Task ingest_without_a_file_names_what_is_missing()
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync("ingest");

        result.Error.ShouldStartWith("ltv: missing <files> (Event files:");
    }

    [Fact]
    public async Task regression_ingest_with_a_negative_top_is_refused_before_anything_is_ingested()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);

        var result = await ltv.RunAsync("ingest", FixturePaths.InRepository("input", "events.json"), "--top", "-1");
        var runs = await ltv.RunAsync("ingests", "--format", "csv");

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd().ShouldBe("ltv: --top must be a whole number from 0 to 2147483647, not '-1'; see 'ltv ingest --help'");
        runs.Output.TrimEnd().Split('\n').Length.ShouldBe(1, "only the header: no run was started");
    }

    [Fact]
    public async Task regression_a_directory_given_to_ingest_is_called_a_directory_not_a_missing_file()
    {
        var folder = Directory.CreateTempSubdirectory("ltv-folder-").FullName;

        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync("ingest", folder);

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd().ShouldBe($"ltv: {folder} is a directory, not a file: name the event files in it, for example {Path.Combine(folder, "*.json")}");
    }

    [Fact]
    public async Task regression_rejected_for_a_run_that_does_not_exist_says_so_instead_of_an_empty_list()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);

        var list = await ltv.RunAsync("rejected", "--run", "999");
        var retry = await ltv.RunAsync("rejected", "retry", "--run", "999");

        list.ExitCode.ShouldBe(1);
        list.Error.TrimEnd().ShouldBe("ltv: There is no ingest run 999; 'ltv ingests' lists the runs.");
        list.Output.ShouldBeEmpty();
        retry.ExitCode.ShouldBe(1);
        retry.Error.TrimEnd().ShouldBe("ltv: There is no ingest run 999; 'ltv ingests' lists the runs.");
    }
}
