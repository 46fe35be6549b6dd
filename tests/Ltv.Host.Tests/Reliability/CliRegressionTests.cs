using System.Text.Json;
using Ltv.Host.Composition;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Reliability;

/// <summary>Faults the reliability tests found in the real `ltv`, each pinned under the name of the bug.</summary>
public sealed class CliRegressionTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private const string Time = "\"event_time\": \"2017-01-06T12:00:00Z\"";

    [Fact]
    public async Task bug_one_event_postgresql_cannot_store_failed_its_whole_batch_and_the_ingest_died_with_a_stack_trace()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        var good = Enumerable.Range(0, 100).Select(i => $$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p{{i}}", "customer_id": "batch-mate", {{Time}}}""");
        string[] bad =
        [
            $$"""{"type": "CUSTOMER", "verb": "NEW", "key": "nul\u0000", {{Time}}}""",
            $$"""{"type": "CUSTOMER", "verb": "NEW", "key": "batch-mate", {{Time}}, "last_name": "\ud800"}""",
            $$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "{{new string('k', 3000)}}", "customer_id": "batch-mate", {{Time}}}""",
        ];

        var result = await IngestAsync(ltv, [.. good.Take(50), .. bad, .. good.Skip(50)]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        using var summary = JsonDocument.Parse(result.Output);
        (summary.RootElement.GetProperty("accepted").GetInt64(), summary.RootElement.GetProperty("rejected").GetInt64()).ShouldBe((100, 3));
    }

    [Fact]
    public async Task bug_an_amount_near_decimal_max_was_accepted_and_then_top_customer_and_stats_crashed_with_an_overflow()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        var orders = Enumerable.Range(0, 3).Select(i =>
            $$"""{"type": "ORDER", "verb": "NEW", "key": "o{{i}}", "customer_id": "rich", {{Time}}, "total_amount": "1000000000000 USD"}""");
        string[] tooLarge = [$$"""{"type": "ORDER", "verb": "NEW", "key": "o9", "customer_id": "rich", {{Time}}, "total_amount": 79228162514264337593543950335}"""];

        (await IngestAsync(ltv, [.. orders, .. tooLarge])).ExitCode.ShouldBe(0);

        foreach (var query in new[] { ["top", "3", "--lifespan", "1000"], ["customer", "rich"], new[] { "stats", "day", "2017-01-06" } })
        {
            var result = await ltv.RunAsync([.. query, "--format", "json"]);
            result.ExitCode.ShouldBe(0, result.Error);
            result.Output.ShouldContain("3000000000000", Case.Sensitive, string.Join(' ', query));
        }
    }

    [Theory]
    [InlineData("top", "1e3")]
    [InlineData("top", "99999999999")]
    [InlineData("top", "3", "--lifespan", "1e30")]
    [InlineData("clv", "top", "1e3")]
    [InlineData("rejected", "--limit", "lots")]
    public async Task bug_a_number_the_parser_could_not_read_crashed_a_validator_with_a_stack_trace(params string[] args)
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync(args);

        // Our own parser's report of the value, in the user's words: no stack trace, no .NET type names.
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("ltv: ");
        result.Error.ShouldContain(" must be ");
        result.Error.ShouldNotContain("System.");
        result.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--limit must be a whole number from 0 to 2147483647, not '-1'", "rejected", "--limit", "-1")]
    [InlineData("--limit must be a whole number from 0 to 2147483647, not '-5'", "ingests", "--limit", "-5")]
    [InlineData("--lifespan must be a number of years more than 0 and at most 1000, not '1000.01'", "top", "3", "--lifespan", "1000.01")]
    public async Task bug_a_negative_limit_or_a_lifespan_that_overflows_reached_the_database_or_the_arithmetic_and_crashed(string message, params string[] args)
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync(args);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(message);
        result.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e30")]
    [InlineData("1000.5")]
    public void bug_an_invalid_LTV_LIFESPAN_crashed_every_command_with_a_stack_trace(string value)
    {
        var error = Should.Throw<UserError>(() => LtvOptions.FromEnvironment(name => name == "LTV_LIFESPAN" ? value : null));

        error.Message.ShouldBe($"Invalid LTV_LIFESPAN '{value}': use a number of years above 0 and at most 1000.");
    }

    [Fact]
    public async Task bug_a_mistyped_connection_string_crashed_with_a_stack_trace()
    {
        var result = await new LtvProcess("Hots=typo;Database=ltv").RunAsync("top", "3");

        result.ExitCode.ShouldBe(1);
        result.Error.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldStartWith("ltv: The connection string from --connection is not valid");
    }

    private static async Task<LtvProcess.Result> IngestAsync(LtvProcess ltv, IEnumerable<string> lines)
    {
        var file = GeneratedInput.TempPath("regression.ndjson");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            return await ltv.RunAsync("ingest", file, "--format", "json");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
