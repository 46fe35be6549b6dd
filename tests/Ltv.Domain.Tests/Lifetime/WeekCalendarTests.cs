using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

public sealed class WeekCalendarTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0)] // a Thursday
    [InlineData("1970-01-03T23:59:59.999999Z", 0)] // the Saturday after
    [InlineData("1970-01-04T00:00:00Z", 1)] // the first Sunday after the epoch
    [InlineData("1969-12-28T00:00:00Z", 0)] // the Sunday the epoch's week starts on
    [InlineData("1969-12-27T23:59:59.999999Z", -1)]
    [InlineData("1969-12-21T00:00:00Z", -1)]
    [InlineData("1969-12-20T23:59:59Z", -2)]
    public void week_indexes_follow_the_shared_formula_around_the_epoch(string utc, long week)
    {
        WeekCalendar.WeekIndex(At(utc)).ShouldBe(week);
    }

    [Fact]
    public void the_week_index_formula_is_floor_of_days_since_the_epoch_plus_four_over_seven()
    {
        for (int day = -800; day <= 800; day++)
        {
            DateTimeOffset midday = DateTimeOffset.UnixEpoch.AddDays(day).AddHours(12);

            WeekCalendar.WeekIndex(midday).ShouldBe((long)Math.Floor((day + 4) / 7.0));
        }
    }

    [Fact]
    public void a_week_changes_between_saturday_23_59_59_999999_and_sunday_midnight()
    {
        DateTimeOffset saturday = At("2017-01-07T23:59:59.999999Z");
        DateTimeOffset sunday = At("2017-01-08T00:00:00Z");

        saturday.DayOfWeek.ShouldBe(DayOfWeek.Saturday);
        WeekCalendar.WeekIndex(sunday).ShouldBe(WeekCalendar.WeekIndex(saturday) + 1);
        WeekCalendar.WeeksBetween(saturday, sunday).ShouldBe(2);
    }

    [Fact]
    public void sunday_to_the_following_saturday_is_one_week()
    {
        WeekCalendar.WeeksBetween(At("2017-01-01T00:00:00Z"), At("2017-01-07T23:59:59.999999Z")).ShouldBe(1);
    }

    [Fact]
    public void the_week_runs_across_new_year_when_the_year_ends_midweek()
    {
        // 2016-12-31 is a Saturday; 2017-12-30 is a Saturday and 2017-12-31 a Sunday.
        WeekCalendar.WeeksBetween(At("2016-12-31T12:00:00Z"), At("2017-01-01T00:00:00Z")).ShouldBe(2);
        WeekCalendar.WeeksBetween(At("2017-12-30T23:59:59Z"), At("2017-12-31T00:00:00Z")).ShouldBe(2);
        WeekCalendar.WeeksBetween(At("2017-12-31T00:00:00Z"), At("2018-01-06T23:59:59Z")).ShouldBe(1);
        WeekCalendar.WeekStart(WeekCalendar.WeekIndex(At("2018-01-03T10:00:00Z"))).ShouldBe(At("2017-12-31T00:00:00Z"));
    }

    [Fact]
    public void the_same_instant_or_the_same_day_is_one_week()
    {
        DateTimeOffset t = At("2017-01-06T12:45:52Z");

        WeekCalendar.WeeksBetween(t, t).ShouldBe(1);
        WeekCalendar.WeeksBetween(At("2017-01-06T00:00:00Z"), At("2017-01-06T23:59:59Z")).ShouldBe(1);
    }

    [Fact]
    public void weeks_are_counted_in_utc_whatever_offset_the_instant_carries()
    {
        // Saturday 23:30 UTC is Sunday 01:30 at +02:00, and still in Saturday's week.
        var saturdayNightUtc = new DateTimeOffset(2017, 1, 8, 1, 30, 0, TimeSpan.FromHours(2));

        WeekCalendar.WeekIndex(saturdayNightUtc).ShouldBe(WeekCalendar.WeekIndex(At("2017-01-07T00:00:00Z")));
    }

    [Fact]
    public void the_challenge_sample_spans_a_year_boundary_inclusively()
    {
        // Friday 2017-01-06 to Thursday 2018-01-18: weeks starting 2017-01-01 .. 2018-01-14.
        WeekCalendar.WeeksBetween(At("2017-01-06T12:45:52Z"), At("2018-01-18T00:00:00Z")).ShouldBe(55);
    }

    [Fact]
    public void every_week_starts_on_a_sunday_at_midnight_utc()
    {
        for (long week = -60; week <= 60; week++)
        {
            DateTimeOffset start = WeekCalendar.WeekStart(week);

            start.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
            start.TimeOfDay.ShouldBe(TimeSpan.Zero);
            WeekCalendar.WeekIndex(start).ShouldBe(week);
            WeekCalendar.WeekIndex(start.AddTicks(-1)).ShouldBe(week - 1);
        }
    }

    [Fact]
    public void a_last_instant_before_the_first_is_a_mistake_that_names_the_first()
    {
        DateTimeOffset first = At("2017-01-08T00:00:00Z");

        Should.Throw<ArgumentOutOfRangeException>(() => WeekCalendar.WeeksBetween(first, At("2017-01-07T00:00:00Z")))
            .Message.ShouldContain(first.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }
}
