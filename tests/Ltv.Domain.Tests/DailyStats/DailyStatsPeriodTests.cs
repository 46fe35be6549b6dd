using Ltv.Domain.Customers;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Events;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.DailyStats;

/// <summary>
/// Periods, row order and the repeaters' order of the daily statistics reference; every expected figure is worked
/// out by hand from the events listed in the test.
/// </summary>
public sealed class DailyStatsPeriodTests
{
    [Fact]
    public void a_period_adds_up_each_customer_s_figures_over_all_its_days_the_first_day_included()
    {
        var stats = DailyStatsReference.From(
        [
            Visit("2017-01-02T10:00:00Z", "p1"),
            Image("2017-01-02T10:00:00Z", "i1"),
            Placed("o1", "2017-01-02T10:00:00Z", 10m),
            Visit("2017-01-03T10:00:00Z", "p2"),
            Visit("2017-01-03T11:00:00Z", "p3"),
            Image("2017-01-03T10:00:00Z", "i2"),
            Image("2017-01-03T11:00:00Z", "i3"),
            Placed("o2", "2017-01-03T10:00:00Z", 2.5m),
            Placed("o3", "2017-01-03T11:00:00Z", 1m),
        ]);

        // Jan 2: 1 visit, 1 image, 1 order of 10; Jan 3: 2 visits, 2 images, 2 orders of 2.5 + 1.
        var from = Day("2017-01-02");
        var to = Day("2017-01-03");
        stats.Range(from, to).Totals.ShouldBe(new StatsTotals(1, 1, 3, 3, 3, 13.5m));
        stats.Top(from, to, TopMetric.Revenue, 10).ShouldBe([new CustomerFigures("alice", 3, 3, 3, 13.5m)]);
        stats.Range(from, from).Totals.ShouldBe(new StatsTotals(1, 1, 1, 1, 1, 10m));
    }

    [Fact]
    public void a_range_that_ends_before_it_starts_is_a_mistake()
    {
        var stats = DailyStatsReference.From([Visit("2017-01-02T10:00:00Z")]);

        Should.Throw<ArgumentOutOfRangeException>(() => stats.Range(Day("2017-01-03"), Day("2017-01-02")));
    }

    [Fact]
    public void rows_are_ordered_by_customer_id_then_day_whatever_the_arrival_order()
    {
        var stats = DailyStatsReference.From(
        [
            Visit("2017-01-03T10:00:00Z", id: Bob),
            Visit("2017-01-02T10:00:00Z", id: Bob),
            Visit("2017-01-03T10:00:00Z"),
            Visit("2017-01-02T10:00:00Z"),
        ]);

        stats.Rows.Select(r => (r.CustomerId, r.Day)).ShouldBe(
        [
            ("alice", Day("2017-01-02")),
            ("alice", Day("2017-01-03")),
            ("bob", Day("2017-01-02")),
            ("bob", Day("2017-01-03")),
        ]);
    }

    [Fact]
    public void repeaters_are_listed_most_orders_first_then_by_customer_id()
    {
        var stats = DailyStatsReference.From(
        [
            Placed("o1", "2017-01-02T10:00:00Z", 5m, Bob),
            Placed("o2", "2017-01-02T11:00:00Z", 5m, Bob),
            Placed("o1", "2017-01-02T10:00:00Z", 2m),
            Placed("o2", "2017-01-03T10:00:00Z", 2m),
            Placed("o1", "2017-01-02T10:00:00Z", 1m, Carol),
            Placed("o2", "2017-01-04T10:00:00Z", 1m, Carol),
            Placed("o3", "2017-01-05T10:00:00Z", 1m, Carol),
            Placed("o1", "2017-01-02T10:00:00Z", 9m, new CustomerId("dave")),
        ]);

        var repeaters = stats.Repeaters(DayWindow.All);

        repeaters.Customers.ShouldBe([new RepeatCustomer("carol", 3, 3m), new RepeatCustomer("alice", 2, 4m), new RepeatCustomer("bob", 2, 10m)]);
        repeaters.Repeaters.ShouldBe(3);
        repeaters.Buyers.ShouldBe(4);
        repeaters.Rate.ShouldBe(0.75m);
    }
}
