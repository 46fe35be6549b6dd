using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Clv;

public sealed class ClvCliTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private LtvProcess Ltv() => new(app.Database.ConnectionString);

    [Fact]
    public async Task fitting_an_empty_store_exits_non_zero_with_one_line()
    {
        var result = await Ltv().RunAsync("clv", "fit");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldBe("ltv: No orders in the store: ingest some first (see 'ltv import cdnow' for a reference data set).");
    }

    [Fact]
    public async Task too_few_customers_give_the_sufficiency_message_instead_of_a_fit()
    {
        var ltv = Ltv();
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            await File.WriteAllTextAsync(events, """{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2020-01-05T10:00:00Z", "customer_id": "c1", "total_amount": "10.00 USD"}""" + "\n");
            (await ltv.RunAsync("ingest", events)).ExitCode.ShouldBe(0);

            var result = await ltv.RunAsync("clv", "top", "3");

            result.ExitCode.ShouldBe(1);
            result.Error.Trim().ShouldBe(
                "ltv: Too little data to fit the CLV models: only 1 customers bought by 2020-01-05; the models need at least 100; " +
                "only 0 customers bought again by 2020-01-05; the models need at least 20 repeat customers.");
        }
        finally
        {
            File.Delete(events);
        }
    }

    [Fact]
    public async Task a_malformed_cdnow_file_exits_non_zero_naming_the_line_and_writes_nothing()
    {
        var input = CdnowPublished.TempFile("txt");
        var output = CdnowPublished.TempFile("ndjson");
        try
        {
            await File.WriteAllTextAsync(input, " 00004 0001 19970101 2 29.33\n 00004 0001 1997-01-18 2 29.73\n");

            var result = await Ltv().RunAsync("import", "cdnow", input, "--out", output);

            result.ExitCode.ShouldBe(1);
            result.Error.Trim().ShouldBe($"ltv: {Path.GetFileName(input)}: line 2: date '1997-01-18' is not yyyymmdd");
            File.Exists(output).ShouldBeFalse();
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [InlineData("clv", "fit", "--calibration-end", "30/09/1997")]
    [InlineData("clv", "top", "3", "--discount", "1.5")]
    [InlineData("clv", "top", "3", "--horizon-months", "0")]
    [InlineData("clv", "fit", "--unit", "month")]
    [InlineData("clv", "validate")]
    public async Task bad_options_are_refused_before_any_work(params string[] args)
    {
        var result = await Ltv().RunAsync(args);

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldNotContain("   at ");
        result.Error.Trim().Length.ShouldBeGreaterThan(0);
    }
}
