using System.Text.Json;
using Ltv.Domain.Clv;
using Ltv.Host.Cdnow;
using Ltv.Host.Tests.Cli;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;
using Ltv.Testing;

namespace Ltv.Host.Tests.Clv;

/// <summary>
/// The acceptance of predictive CLV: the CDNOW sample converted to our events, ingested through the real pipeline
/// into a test database, summarised from the CustomerLifetime read model and fitted, gives the published figures.
/// </summary>
public sealed class CdnowEndToEndTests(CdnowStore store) : IClassFixture<CdnowStore>
{
    private static readonly DateOnly CalibrationEnd = DateOnly.Parse(CdnowPublished.CalibrationEnd, System.Globalization.CultureInfo.InvariantCulture);

    private LtvTestApp App => store.App;

    [Fact]
    public void every_converted_event_is_accepted()
    {
        var ingested = store.Ingested.ShouldNotBeNull();

        ingested.Completed.ShouldBeTrue(ingested.Message);
        ingested.Accepted.ShouldBe(2357 + 6919);
        ingested.Rejected.ShouldBe(0);
        ingested.Duplicates.ShouldBe(0);
    }

    [Fact]
    public async Task the_summary_from_the_ingested_orders_equals_the_published_one_for_every_customer()
    {
        var published = CdnowPublished.Summary();

        var facts = await App.Get<PurchaseFactsQuery>().ExecuteAsync(default);
        var summary = RfmSummary.From(facts, CalibrationEnd, ClvTimeUnit.Week);

        summary.Customers.Count.ShouldBe(published.Count);
        foreach (var customer in summary.Customers)
        {
            var (frequency, recency, t) = published[customer.CustomerId];
            customer.Frequency.ShouldBe(frequency, customer.CustomerId);
            Math.Round(customer.Recency, 2, MidpointRounding.AwayFromZero).ShouldBe(recency, customer.CustomerId);
            Math.Round(customer.T, 2, MidpointRounding.AwayFromZero).ShouldBe(t, customer.CustomerId);
        }
    }

    [Fact]
    public async Task the_models_fitted_on_the_ingested_orders_give_the_published_parameters()
    {
        var answer = await App.Get<ClvQuery>().FitAsync(CalibrationEnd, ClvTimeUnit.Week, default);

        answer.LastPurchaseDay.ShouldBe(new DateOnly(1998, 6, 30));
        var bg = answer.Model.BgNbd.ShouldNotBeNull();
        bg.Parameters.R.ShouldBe(0.243, 0.001);
        bg.Parameters.Alpha.ShouldBe(4.414, 0.001);
        bg.Parameters.A.ShouldBe(0.793, 0.001);
        bg.Parameters.B.ShouldBe(2.426, 0.001);
        bg.LogLikelihood.ShouldBe(-9582.4, 0.1);
        var gg = answer.Model.GammaGamma.ShouldNotBeNull();
        gg.Customers.ShouldBe(946);
        gg.Parameters.P.ShouldBe(6.25, 0.01);
        gg.Parameters.Q.ShouldBe(3.74, 0.01);
        gg.Parameters.Gamma.ShouldBe(15.44, 0.01);
    }

    [Fact]
    public async Task the_cli_converts_ingests_and_fits_to_the_published_figures()
    {
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            var ltv = await ImportAndIngestThroughTheCliAsync(events);

            var fit = await ltv.RunAsync("clv", "fit", "--calibration-end", CdnowPublished.CalibrationEnd, "--format", "json");

            fit.ExitCode.ShouldBe(0, fit.Error);
            using var json = JsonDocument.Parse(fit.Output);
            var root = json.RootElement;
            root.GetProperty("customers").GetInt32().ShouldBe(2357);
            root.GetProperty("repeaters").GetInt32().ShouldBe(946);
            root.GetProperty("timeUnit").GetString().ShouldBe("week");
            var bg = root.GetProperty("bgnbd");
            bg.GetProperty("r").GetDouble().ShouldBe(0.243, 0.001);
            bg.GetProperty("alpha").GetDouble().ShouldBe(4.414, 0.001);
            bg.GetProperty("a").GetDouble().ShouldBe(0.793, 0.001);
            bg.GetProperty("b").GetDouble().ShouldBe(2.426, 0.001);
            bg.GetProperty("logLikelihood").GetDouble().ShouldBe(-9582.4, 0.1);
            var gg = root.GetProperty("gammaGamma");
            gg.GetProperty("p").GetDouble().ShouldBe(6.25, 0.01);
            gg.GetProperty("q").GetDouble().ShouldBe(3.74, 0.01);
            gg.GetProperty("gamma").GetDouble().ShouldBe(15.44, 0.01);
        }
        finally
        {
            File.Delete(events);
        }
    }

    [Fact]
    public async Task the_cli_predicts_the_paper_s_first_customer_and_validates_on_the_holdout()
    {
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            var ltv = await ImportAndIngestThroughTheCliAsync(events);

            var validate = await ltv.RunAsync("clv", "validate", "--calibration-end", CdnowPublished.CalibrationEnd, "--format", "json");
            var customer = await ltv.RunAsync("clv", "customer", "1", "--calibration-end", CdnowPublished.CalibrationEnd, "--format", "json");
            var top = await ltv.RunAsync("clv", "top", "3", "--format", "csv");

            validate.ExitCode.ShouldBe(0, validate.Error);
            using var holdout = JsonDocument.Parse(validate.Output);
            holdout.RootElement.GetProperty("holdoutEnd").GetString().ShouldBe("1998-06-30");
            holdout.RootElement.GetProperty("holdoutLength").GetDouble().ShouldBe(39);
            // FHL (2005): customer 1 (x = 2, t_x = 30.43, T = 38.86) is expected to make 1.226 purchases in the next 39 weeks.
            var first = holdout.RootElement.GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("customerId").GetString() == "1");
            first.GetProperty("predictedOrders").GetDouble().ShouldBe(1.226, 0.001);
            first.GetProperty("actualOrders").GetInt32().ShouldBe(1);
            customer.ExitCode.ShouldBe(0, customer.Error);
            using var one = JsonDocument.Parse(customer.Output);
            one.RootElement.GetProperty("context").GetProperty("horizonMonths").GetInt32().ShouldBe(12);
            one.RootElement.GetProperty("customer").GetProperty("frequency").GetInt32().ShouldBe(2);
            top.ExitCode.ShouldBe(0, top.Error);
            var lines = top.Output.TrimEnd().Split('\n');
            lines[0].ShouldBe("customerId,frequency,recency,t,monetaryValue,probabilityAlive,expectedOrders,expectedSpendPerOrder,clv,simpleLtv");
            lines.Length.ShouldBe(4);
        }
        finally
        {
            File.Delete(events);
        }
    }

    /// <summary>
    /// `ltv import cdnow` into <paramref name="events"/>, then `ltv ingest` of it into a fresh schema of the CLI's own
    /// (not the one the fixture filled), where every converted event must be new: none a duplicate, none rejected.
    /// </summary>
    private async Task<LtvProcess> ImportAndIngestThroughTheCliAsync(string events)
    {
        var ltv = new LtvProcess(App.Database.ConnectionString);
        var import = await ltv.RunAsync("import", "cdnow", CdnowPublished.Sample, "--out", events);
        import.ExitCode.ShouldBe(0, import.Error);
        import.Output.ShouldContain("2357 CUSTOMER and 6919 ORDER events");
        var converted = File.ReadLines(events).Count(line => line.Length > 0);

        var ingest = await ltv.RunAsync("ingest", events, "--format", "json");

        ingest.ExitCode.ShouldBe(0, ingest.Error);
        using var summary = JsonDocument.Parse(ingest.Output);
        converted.ShouldBe(2357 + 6919);
        summary.RootElement.GetProperty("accepted").GetInt32().ShouldBe(converted);
        summary.RootElement.GetProperty("duplicates").GetInt32().ShouldBe(0);
        summary.RootElement.GetProperty("rejected").GetInt32().ShouldBe(0);
        return ltv;
    }
}
