namespace Ltv.Domain.Lifetime;

/// <summary>
/// Weeks run Sunday to Saturday, UTC (DESIGN.md "The LTV rule"). A week is named by its index:
/// floor((days since 1970-01-01 + 4) / 7), so a new index starts every Sunday at 00:00 UTC.
/// Index 0 is the week of Sunday 1969-12-28 (it holds the epoch, a Thursday); 1 starts on Sunday
/// 1970-01-04; earlier weeks are negative. The SQL projections use this same formula: keep them in step.
/// </summary>
public static class WeekCalendar
{
    private const long DaysFromSundayToThursday = 4;
    private const long DaysPerWeek = 7;

    public static long WeekIndex(DateTimeOffset time)
    {
        long daysSinceEpoch = FloorDivide(time.UtcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerDay);
        return FloorDivide(daysSinceEpoch + DaysFromSundayToThursday, DaysPerWeek);
    }

    /// <summary>Sunday 00:00 UTC of the week with that index.</summary>
    public static DateTimeOffset WeekStart(long weekIndex) =>
        new(DateTime.UnixEpoch.AddDays((weekIndex * DaysPerWeek) - DaysFromSundayToThursday), TimeSpan.Zero);

    /// <summary>
    /// Calendar weeks from the week holding <paramref name="first"/> to the week holding
    /// <paramref name="last"/>, both counted: two instants in the same week are 1 week apart.
    /// </summary>
    public static int WeeksBetween(DateTimeOffset first, DateTimeOffset last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"The last instant comes before the first ({first:O}).");
        }

        return checked((int)(WeekIndex(last) - WeekIndex(first) + 1));
    }

    // Integer division rounds towards zero; weeks before the epoch need it to round down.
    private static long FloorDivide(long dividend, long divisor)
    {
        long quotient = Math.DivRem(dividend, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
