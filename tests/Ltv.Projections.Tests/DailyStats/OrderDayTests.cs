using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;
using Ltv.Testing;

namespace Ltv.Projections.Tests.DailyStats;

/// <summary>
/// An order counts on the UTC day of its earliest event with its current amount, however its events arrive.
/// The expected figures are worked out by hand from the lines in each test, and checked against the reference.
/// </summary>
public sealed class OrderDayTests
{
    private static readonly DateOnly Jan4 = new(2017, 1, 4);
    private static readonly DateOnly Jan6 = new(2017, 1, 6);
    private static readonly DateOnly Jan9 = new(2017, 1, 9);

    private static string Order(string verb, string time, string amount) =>
        $$"""{"type": "ORDER", "verb": "{{verb}}", "key": "o1", "event_time": "{{time}}", "customer_id": "ann", "total_amount": "{{amount}} USD"}""";

    private static async Task<StatsTotals> TotalsAsync(LtvTestApp app, DateOnly day) =>
        (await app.Get<DailyStatsQuery>().DayAsync(day, default)).Stats.Totals;

    [Fact]
    public async Task an_order_update_on_a_later_day_changes_revenue_on_the_order_first_day()
    {
        await using var app = await LtvTestApp.StartAsync();
        string[] lines = [Order("NEW", "2017-01-06T10:00:00Z", "10.00"), Order("UPDATE", "2017-01-09T10:00:00Z", "25.00")];

        await app.IngestLinesAsync(lines[..1]);
        var before = await TotalsAsync(app, Jan6);
        await app.IngestLinesAsync(lines[1..]);

        before.ShouldBe(new StatsTotals(1, 1, 0, 0, 1, 10.00m));
        (await TotalsAsync(app, Jan6)).ShouldBe(new StatsTotals(1, 1, 0, 0, 1, 25.00m));
        (await TotalsAsync(app, Jan9)).ShouldBe(new StatsTotals(1, 0, 0, 0, 0, 0m));
        (await TotalsAsync(app, Jan6)).ShouldBe(DailyStatsReference.From(LtvOracle.AcceptedEvents(lines)).Day(Jan6).Totals);
    }

    [Fact]
    public async Task an_update_arriving_later_with_an_earlier_time_moves_the_whole_order_to_the_earlier_day()
    {
        await using var app = await LtvTestApp.StartAsync();
        string[] lines = [Order("NEW", "2017-01-06T10:00:00Z", "10.00"), Order("UPDATE", "2017-01-04T10:00:00Z", "7.00")];

        await app.IngestLinesAsync(lines[..1]);
        await app.IngestLinesAsync(lines[1..]);

        // The NEW has the latest time, so 10.00 stays the amount; the UPDATE is the earliest event, so Jan 4 is the day.
        (await TotalsAsync(app, Jan4)).ShouldBe(new StatsTotals(1, 1, 0, 0, 1, 10.00m));
        (await TotalsAsync(app, Jan6)).ShouldBe(new StatsTotals(1, 0, 0, 0, 0, 0m));
        var reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(lines));
        (await TotalsAsync(app, Jan4)).ShouldBe(reference.Day(Jan4).Totals);
        (await TotalsAsync(app, Jan6)).ShouldBe(reference.Day(Jan6).Totals);
    }

    [Fact]
    public async Task a_day_with_no_activity_answers_zero_totals_and_no_customers()
    {
        await using var app = await LtvTestApp.StartAsync();
        await app.IngestLinesAsync([Order("NEW", "2017-01-06T10:00:00Z", "10.00")]);

        var answer = await app.Get<DailyStatsQuery>().DayAsync(Jan9, default);

        answer.Stats.Totals.ShouldBe(StatsTotals.Zero);
        answer.Stats.Customers.ShouldBeEmpty();
        answer.Lag.ShouldBe(0);
    }
}
