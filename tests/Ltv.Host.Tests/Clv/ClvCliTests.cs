using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Clv;

/// <summary>`ltv clv` and `ltv import cdnow` as a user runs them: each test on an empty schema of its own, or on the CDNOW store.</summary>
public sealed class ClvCliTests(CdnowStore cdnow) : IClassFixture<CdnowStore>
{
    private LtvProcess Ltv() => new(cdnow.App.Database.ConnectionString);

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

    public static TheoryData<string[], string[], string> BadOptions => new()
    {
        { ["clv", "fit", "--calibration-end", "1997-09-30"], ["clv", "fit", "--calibration-end", "30/09/1997"],
            "Invalid --calibration-end '30/09/1997': write a date as YYYY-MM-DD, for example 2017-01-06." },
        { ["clv", "fit", "--unit", "day"], ["clv", "fit", "--unit", "month"], "Unknown --unit 'month': use week or day." },
        { ["clv", "top", "3", "--discount", "0.02"], ["clv", "top", "3", "--discount", "1.5"],
            "Invalid --discount '1.5': use a monthly rate of at least 0 and below 1 (0.01 is 1% a month)." },
        { ["clv", "top", "3", "--horizon-months", "6"], ["clv", "top", "3", "--horizon-months", "0"],
            "Invalid --horizon-months '0': use a whole number from 1 to 1200." },
        { ["clv", "customer", "1", "--horizon-months", "12"], ["clv", "customer", "1", "--horizon-months", "twelve"],
            "Invalid --horizon-months 'twelve': use a whole number from 1 to 1200." },
        { ["clv", "validate", "--calibration-end", "1997-09-30"], ["clv", "validate"], "--calibration-end is required." },
        { ["clv", "validate", "--calibration-end", "1997-09-30", "--holdout-end", "1997-12-31"],
            ["clv", "validate", "--calibration-end", "1997-09-30", "--holdout-end", "1997-12-32"],
            "Invalid --holdout-end '1997-12-32': write a date as YYYY-MM-DD, for example 2017-01-06." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task a_bad_option_is_refused_in_one_line_naming_it_where_a_good_one_succeeds(string[] good, string[] bad, string problem)
    {
        // The CDNOW store is enough for every command, so only the bad option can make it fail.
        var ltv = new LtvProcess(cdnow.App.Database.ConnectionString, cdnow.App.Schema.Value);
        var succeeded = await ltv.RunAsync(good);
        succeeded.ExitCode.ShouldBe(0, succeeded.Error);

        var refused = await ltv.RunAsync(bad);

        refused.ExitCode.ShouldBe(1);
        refused.Error.TrimEnd().ShouldBe("ltv: " + problem);
        refused.Output.ShouldBeEmpty();
    }
}
