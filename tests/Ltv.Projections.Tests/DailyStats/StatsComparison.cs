using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;

namespace Ltv.Projections.Tests.DailyStats;

/// <summary>Every query over the read model against the same question asked of the reference.</summary>
internal sealed class StatsComparison(DailyStatsQuery days, PeriodCustomersQuery customers, DailyStatsReference reference)
{
    public async Task ShouldAgreeAsync()
    {
        var active = reference.Days;
        var (first, last) = (active[0].AddDays(-1), active[^1].AddDays(1));
        foreach (var day in active.Append(first).Append(last))
        {
            var answer = (await days.DayAsync(day, default)).Stats;
            var expected = reference.Day(day);
            answer.Date.ShouldBe(expected.Date);
            answer.Totals.ShouldBe(expected.Totals, $"totals of {day}");
            answer.Customers.ShouldBe(expected.Customers, $"customers of {day}");
        }

        var middle = active[active.Count / 2];
        foreach (var (from, to) in new[] { (first, last), (first, middle), (middle, middle), (middle, last) })
        {
            var range = (await days.RangeAsync(from, to, default)).Stats;
            var expected = reference.Range(from, to);
            range.Totals.ShouldBe(expected.Totals, $"totals from {from} to {to}");
            range.Days.ShouldBe(expected.Days, $"days from {from} to {to}");
            foreach (var metric in Enum.GetValues<TopMetric>())
            {
                (await customers.TopAsync(from, to, metric, 7, default)).Stats.ShouldBe(reference.Top(from, to, metric, 7), $"top by {metric} from {from} to {to}");
            }

            await RepeatersShouldAgree(new DayWindow(from, to));
        }

        await RepeatersShouldAgree(DayWindow.All);
        await RepeatersShouldAgree(new DayWindow(middle, null));
        await RepeatersShouldAgree(new DayWindow(null, middle));
    }

    private async Task RepeatersShouldAgree(DayWindow window)
    {
        var answer = (await customers.RepeatersAsync(window, withList: true, default)).Stats;
        var expected = reference.Repeaters(window);
        answer.Repeaters.ShouldBe(expected.Repeaters, $"repeaters in {window}");
        answer.Buyers.ShouldBe(expected.Buyers, $"buyers in {window}");
        answer.Customers.ShouldBe(expected.Customers, $"repeaters in {window}");
    }
}
