using Ltv.Domain.Clv;

namespace Ltv.Domain.Tests.Clv;

public sealed class ClvModelTests
{
    private static readonly Lazy<ClvModel> Cdnow = new(() => ClvModel.Fit(CdnowFixture.CalibrationSummary()));

    private static CustomerRfm Customer(string id) => Cdnow.Value.Summary.Customers.Single(c => c.CustomerId == id);

    [Fact]
    public void the_cdnow_sample_is_sufficient_and_both_models_are_fitted()
    {
        var model = Cdnow.Value;

        model.Sufficiency.Sufficient.ShouldBeTrue();
        model.Sufficiency.Warnings.ShouldBeEmpty();
        model.BgNbd.ShouldNotBeNull();
        model.PredictsSpend.ShouldBeTrue();
    }

    [Fact]
    public void too_few_customers_or_repeaters_give_problems_and_no_fit()
    {
        var facts = Enumerable.Range(0, 30).Select(i => new PurchaseFact($"c{i}", new DateOnly(2020, 1, 1 + (i % 28)), 10m));

        var model = ClvModel.Fit(RfmSummary.From(facts, new DateOnly(2020, 3, 31), ClvTimeUnit.Week));

        model.Sufficiency.Sufficient.ShouldBeFalse();
        model.Sufficiency.Problems.ShouldBe([
            "only 30 customers bought by 2020-03-31; the models need at least 100",
            "only 0 customers bought again by 2020-03-31; the models need at least 20 repeat customers",
        ]);
        model.BgNbd.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => model.Predict(model.Summary.Customers[0], new ClvHorizon()));
    }

    [Fact]
    public void expected_orders_over_the_horizon_are_the_bg_nbd_conditional_expectation_over_its_length_in_the_unit()
    {
        var model = Cdnow.Value;
        var customer = Customer("1");

        var prediction = model.Predict(customer, new ClvHorizon(Months: 12));

        var weeks = 12 * 30.4375 / 7;
        prediction.ExpectedOrders.ShouldBe(BgNbdModel.ConditionalExpectedPurchases(model.BgNbd!.Parameters, 2, customer.Recency, customer.T, weeks), 1e-12);
        prediction.ProbabilityAlive.ShouldBe(BgNbdModel.ProbabilityAlive(model.BgNbd.Parameters, 2, customer.Recency, customer.T), 1e-12);
    }

    [Fact]
    public void without_discounting_clv_is_expected_orders_times_expected_spend_and_discounting_lowers_it()
    {
        var customer = Customer("1");

        var undiscounted = Cdnow.Value.Predict(customer, new ClvHorizon(12, 0));
        var discounted = Cdnow.Value.Predict(customer, new ClvHorizon(12, 0.01));

        undiscounted.Clv!.Value.ShouldBe(undiscounted.ExpectedOrders * undiscounted.ExpectedSpendPerOrder!.Value, 1e-9);
        discounted.Clv!.Value.ShouldBeLessThan(undiscounted.Clv.Value);
        // Every month's orders are discounted by between 1.01^-1 and 1.01^-12.
        discounted.Clv.Value.ShouldBeInRange(undiscounted.Clv.Value / Math.Pow(1.01, 12), undiscounted.Clv.Value / 1.01);
    }

    [Fact]
    public void a_longer_horizon_never_predicts_fewer_orders_or_less_value()
    {
        var customer = Customer("18");
        var predictions = new[] { 1, 6, 12, 60, 600 }.Select(m => Cdnow.Value.Predict(customer, new ClvHorizon(m))).ToList();

        predictions.Select(p => p.ExpectedOrders).ShouldBeInOrder(SortDirection.Ascending);
        predictions.Select(p => p.Clv!.Value).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void all_predictions_come_highest_clv_first()
    {
        var all = Cdnow.Value.PredictAll(new ClvHorizon());

        all.Count.ShouldBe(2357);
        all.Select(p => p.Clv!.Value).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void the_spend_frequency_correlation_is_flagged_when_strong()
    {
        // 100 single buyers and 30 repeaters whose spend grows with their frequency.
        var facts = Enumerable.Range(0, 100).Select(i => new PurchaseFact($"s{i}", new DateOnly(2020, 1, 1), 10m)).ToList();
        for (var i = 0; i < 30; i++)
        {
            var repeats = 1 + (i % 5);
            facts.Add(new PurchaseFact($"r{i}", new DateOnly(2020, 1, 1), 10m));
            facts.AddRange(Enumerable.Range(1, repeats).Select(d => new PurchaseFact($"r{i}", new DateOnly(2020, 1, 1).AddDays(7 * d), 10m * repeats)));
        }

        var sufficiency = DataSufficiency.Check(RfmSummary.From(facts, new DateOnly(2020, 6, 30), ClvTimeUnit.Week));

        DataSufficiency.SpendFrequencyCorrelation(RfmSummary.From(facts, new DateOnly(2020, 6, 30), ClvTimeUnit.Week).Customers)!.Value.ShouldBe(1, 1e-12);
        sufficiency.Sufficient.ShouldBeTrue();
        sufficiency.Warnings.ShouldContain(w => w.Contains("correlate (r = 1.00)", StringComparison.Ordinal));
    }

    [Fact]
    public void horizons_and_discount_rates_outside_their_range_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ClvHorizon(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new ClvHorizon(12, -0.01));
        Should.Throw<ArgumentOutOfRangeException>(() => new ClvHorizon(12, 1));
    }
}
