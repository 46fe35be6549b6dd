using Ltv.Domain.Clv;

namespace Ltv.Domain.Tests.Clv;

public sealed class RfmSummaryTests
{
    private static readonly DateOnly End = new(2020, 3, 31);

    private static PurchaseFact Buy(string customer, int month, int day, decimal amount) => new(customer, new DateOnly(2020, month, day), amount);

    [Fact]
    public void the_cdnow_sample_gives_the_published_frequency_recency_and_t_of_every_customer()
    {
        var published = CdnowFixture.PublishedSummary();

        var summary = CdnowFixture.CalibrationSummary();

        summary.Customers.Count.ShouldBe(published.Count);
        summary.Repeaters.ShouldBe(946);
        var ours = summary.Customers.ToDictionary(c => c.CustomerId);
        foreach (var (id, frequency, recency, t) in published)
        {
            var customer = ours[id];
            customer.Frequency.ShouldBe(frequency, $"customer {id}");
            Math.Round(customer.Recency, 2, MidpointRounding.AwayFromZero).ShouldBe(recency, $"customer {id}");
            Math.Round(customer.T, 2, MidpointRounding.AwayFromZero).ShouldBe(t, $"customer {id}");
        }
    }

    [Fact]
    public void the_calibration_end_day_is_inclusive_and_a_first_purchase_on_new_year_has_t_of_272_days()
    {
        // 1997-01-01 to 1997-09-30 is 272 days = 38.857 weeks; the published summary shows 38.86.
        var summary = RfmSummary.From([new PurchaseFact("c", new DateOnly(1997, 1, 1), 1m), new PurchaseFact("c", new DateOnly(1997, 9, 30), 2m)], new DateOnly(1997, 9, 30), ClvTimeUnit.Week);

        var customer = summary.Customers.ShouldHaveSingleItem();
        customer.T.ShouldBe(272 / 7.0, 1e-12);
        customer.Frequency.ShouldBe(1);
        customer.Recency.ShouldBe(customer.T, 1e-12);
    }

    [Fact]
    public void orders_of_one_day_are_one_transaction_and_the_monetary_value_averages_the_repeat_days_totals()
    {
        // By hand: days 03-01 (10, first, excluded), 03-08 (20 + 5 = 25), 03-15 (40): frequency 2, mean (25 + 40) / 2 = 32.5.
        var summary = RfmSummary.From(
            [Buy("a", 3, 1, 10m), Buy("a", 3, 8, 20m), Buy("a", 3, 8, 5m), Buy("a", 3, 15, 40m)], End, ClvTimeUnit.Week);

        var a = summary.Customers.ShouldHaveSingleItem();
        a.Frequency.ShouldBe(2);
        a.Recency.ShouldBe(2.0, 1e-12);
        a.T.ShouldBe(30 / 7.0, 1e-12);
        a.MonetaryValue.ShouldBe(32.5m);
    }

    [Fact]
    public void purchases_after_the_calibration_end_are_left_out_and_so_are_customers_who_first_bought_after_it()
    {
        var summary = RfmSummary.From([Buy("a", 3, 1, 10m), Buy("a", 4, 1, 99m), Buy("b", 4, 2, 5m)], End, ClvTimeUnit.Day);

        var a = summary.Customers.ShouldHaveSingleItem();
        a.CustomerId.ShouldBe("a");
        a.Frequency.ShouldBe(0);
        a.Recency.ShouldBe(0);
        a.MonetaryValue.ShouldBe(0m);
        a.T.ShouldBe(30);
    }

    [Fact]
    public void days_and_weeks_differ_by_a_factor_of_seven_only()
    {
        var weeks = CdnowFixture.CalibrationSummary(ClvTimeUnit.Week).Customers;
        var days = CdnowFixture.CalibrationSummary(ClvTimeUnit.Day).Customers;

        days.Select(c => c.Frequency).ShouldBe(weeks.Select(c => c.Frequency));
        days.Zip(weeks).ShouldAllBe(p => Math.Abs(p.First.T - (7 * p.Second.T)) < 1e-9 && Math.Abs(p.First.Recency - (7 * p.Second.Recency)) < 1e-9);
    }

    [Fact]
    public void holdout_counts_are_distinct_purchase_days_after_the_calibration_end_up_to_the_holdout_end()
    {
        var counts = PurchaseDays.CountBetween(
            [Buy("a", 3, 31, 1m), Buy("a", 4, 1, 1m), Buy("a", 4, 1, 2m), Buy("a", 4, 30, 1m), Buy("a", 5, 1, 1m)], End, new DateOnly(2020, 4, 30));

        counts.ShouldBe(new Dictionary<string, int> { ["a"] = 2 });
    }
}
