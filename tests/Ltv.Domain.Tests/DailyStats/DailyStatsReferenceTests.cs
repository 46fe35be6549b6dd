using Ltv.Domain.Customers;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Events;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.DailyStats;

/// <summary>
/// The daily statistics rules on small hand-made streams; every expected figure below is worked out by hand
/// from the events listed in the test.
/// </summary>
public sealed class DailyStatsReferenceTests
{
    private static DailyStatsReference From(params CustomerEvent[] events) => DailyStatsReference.From(events);

    [Fact]
    public void an_order_update_on_a_later_day_changes_revenue_on_the_order_first_day_not_on_the_update_day()
    {
        var stats = From(
            Placed("o1", "2017-01-06T10:00:00Z", 10.00m),
            Amended("o1", "2017-01-09T10:00:00Z", 25.00m));

        stats.Day(Day("2017-01-06")).Customers.ShouldHaveSingleItem().ShouldBe(new CustomerFigures("alice", 0, 0, 1, 25.00m));
        stats.Day(Day("2017-01-09")).Customers.ShouldHaveSingleItem().ShouldBe(new CustomerFigures("alice", 0, 0, 0, 0m));
    }

    [Fact]
    public void an_update_earlier_than_the_new_moves_the_whole_order_to_the_earlier_day_with_the_later_amount()
    {
        var stats = From(
            Placed("o1", "2017-01-06T10:00:00Z", 10.00m),
            Amended("o1", "2017-01-04T10:00:00Z", 7.00m));

        // The NEW is the latest event, so its 10.00 is the current amount; the UPDATE is the earliest, so day 4.
        stats.Day(Day("2017-01-04")).Totals.ShouldBe(new StatsTotals(1, 1, 0, 0, 1, 10.00m));
        stats.Day(Day("2017-01-06")).Totals.ShouldBe(new StatsTotals(1, 0, 0, 0, 0, 0m));
    }

    [Fact]
    public void days_are_utc_calendar_days_whatever_the_offset_an_event_time_was_written_with()
    {
        var stats = From(
            Visit("2017-01-06T23:59:59.999999Z", "p1"),
            Visit("2017-01-07T00:00:00Z", "p2"),
            new CustomerEvent.SiteVisited(Alice, "p3", DateTimeOffset.Parse("2017-01-06T23:30:00-02:00", System.Globalization.CultureInfo.InvariantCulture), null));

        stats.Day(Day("2017-01-06")).Totals.Visits.ShouldBe(1);
        stats.Day(Day("2017-01-07")).Totals.Visits.ShouldBe(2);
    }

    [Fact]
    public void a_customer_is_new_on_the_day_of_its_earliest_event_of_any_type_and_active_on_every_day_with_an_event()
    {
        var stats = From(
            Visit("2017-01-03T08:00:00Z"),
            Registered("2017-01-05T08:00:00Z"),
            Image("2017-01-05T09:00:00Z"));

        stats.Day(Day("2017-01-03")).Totals.ShouldBe(new StatsTotals(1, 1, 1, 0, 0, 0m));
        stats.Day(Day("2017-01-05")).Totals.ShouldBe(new StatsTotals(1, 0, 0, 1, 0, 0m));
        stats.Day(Day("2017-01-04")).ShouldBe(new DayStats(Day("2017-01-04"), StatsTotals.Zero, []), new DayStatsComparer());
    }

    [Fact]
    public void repeaters_have_two_or_more_distinct_order_keys_and_buyers_one_or_more()
    {
        var stats = From(
            Placed("o1", "2017-01-02T10:00:00Z", 5m),
            Amended("o1", "2017-01-03T10:00:00Z", 6m),
            Placed("o2", "2017-01-10T10:00:00Z", 7m),
            Placed("o1", "2017-01-02T10:00:00Z", 9m, Bob),
            Amended("o1", "2017-01-20T10:00:00Z", 8m, Bob),
            Visit("2017-01-02T10:00:00Z", id: new CustomerId("carol")));

        var all = stats.Repeaters(DayWindow.All);
        all.Repeaters.ShouldBe(1);
        all.Buyers.ShouldBe(2);
        all.Rate.ShouldBe(0.5m);
        all.Customers.ShouldBe([new RepeatCustomer("alice", 2, 13m)]);

        // Orders count by the day of their first event: alice's o1 (Jan 2) is outside, bob's o1 (Jan 2) too.
        var window = stats.Repeaters(new DayWindow(Day("2017-01-03"), null));
        window.Repeaters.ShouldBe(0);
        window.Buyers.ShouldBe(1);
        window.Rate.ShouldBe(0m);
    }

    [Fact]
    public void the_rate_is_zero_when_nobody_bought_anything()
    {
        var stats = From(Visit("2017-01-02T10:00:00Z"));

        stats.Repeaters(DayWindow.All).ShouldSatisfyAllConditions(
            r => r.Repeaters.ShouldBe(0),
            r => r.Buyers.ShouldBe(0),
            r => r.Rate.ShouldBe(0m));
    }

    [Fact]
    public void a_range_lists_every_day_and_counts_a_customer_active_on_several_days_once()
    {
        var stats = From(
            Visit("2017-01-02T10:00:00Z", "p1"),
            Visit("2017-01-04T10:00:00Z", "p2"),
            Placed("o1", "2017-01-04T11:00:00Z", 3.50m),
            Visit("2017-01-04T10:00:00Z", "p1", Bob));

        var range = stats.Range(Day("2017-01-01"), Day("2017-01-04"));

        range.Days.Select(d => d.Date).ShouldBe([Day("2017-01-01"), Day("2017-01-02"), Day("2017-01-03"), Day("2017-01-04")]);
        range.Days[0].Totals.ShouldBe(StatsTotals.Zero);
        range.Days[3].Totals.ShouldBe(new StatsTotals(2, 1, 2, 0, 1, 3.50m));
        range.Totals.ShouldBe(new StatsTotals(2, 2, 3, 0, 1, 3.50m));
    }

    [Fact]
    public void top_ranks_by_the_chosen_figure_over_the_period_with_ties_by_customer_id()
    {
        var stats = From(
            Visit("2017-01-02T10:00:00Z", "p1"),
            Placed("o1", "2017-01-02T11:00:00Z", 3m),
            Visit("2017-01-02T10:00:00Z", "p1", Bob),
            Visit("2017-01-03T10:00:00Z", "p2", Bob),
            Placed("o1", "2017-01-05T11:00:00Z", 100m, Bob),
            Visit("2017-01-02T12:00:00Z", "p1", new CustomerId("aaron")));

        var from = Day("2017-01-01");
        var to = Day("2017-01-04");
        stats.Top(from, to, TopMetric.Visits, 10).Select(c => c.CustomerId).ShouldBe(["bob", "aaron", "alice"]);
        stats.Top(from, to, TopMetric.Revenue, 10).Select(c => c.CustomerId).ShouldBe(["alice", "aaron", "bob"]);
        stats.Top(from, to, TopMetric.Orders, 1).ShouldBe([new CustomerFigures("alice", 1, 0, 1, 3m)]);
    }

    private sealed class DayStatsComparer : IEqualityComparer<DayStats>
    {
        public bool Equals(DayStats? x, DayStats? y) =>
            x is not null && y is not null && x.Date == y.Date && x.Totals == y.Totals && x.Customers.SequenceEqual(y.Customers);

        public int GetHashCode(DayStats obj) => obj.Date.GetHashCode();
    }
}
