namespace Ltv.Domain.DailyStats;

/// <summary>Days are UTC calendar days, whatever offset an event_time was written with.</summary>
public static class UtcDays
{
    public static DateOnly Of(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);
}

/// <summary>An inclusive range of UTC days, open at either end when a bound is null.</summary>
public readonly record struct DayWindow(DateOnly? From, DateOnly? To)
{
    public static DayWindow All { get; } = new(null, null);

    public bool Contains(DateOnly day) => (From is not { } from || day >= from) && (To is not { } to || day <= to);
}
