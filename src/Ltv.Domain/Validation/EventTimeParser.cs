using Ltv.Domain.Events;

namespace Ltv.Domain.Validation;

/// <summary>
/// Reads the event_time shapes found in real inputs (DESIGN.md "Input"):
/// <c>yyyy-MM-dd</c>, then <c>T</c>, a space or a colon, then <c>HH:mm:ss</c>, an optional fraction
/// of 1 to 9 digits, then <c>Z</c>, an offset (<c>+02:00</c>, <c>+0200</c>, <c>+02</c>) or nothing,
/// which means UTC. Anything else has more than one reading, or none, and is refused.
/// Hand-written rather than a format list, so that every accepted shape is visible in one place.
/// </summary>
public static class EventTimeParser
{
    private const int MaxFractionDigits = 9;
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>On success the time is UTC and truncated to whole microseconds.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset utc)
    {
        utc = default;
        if (text.Length < 19
            || !TryNumber(text, 0, 4, out int year) || text[4] != '-'
            || !TryNumber(text, 5, 2, out int month) || text[7] != '-'
            || !TryNumber(text, 8, 2, out int day) || text[10] is not ('T' or ' ' or ':')
            || !TryNumber(text, 11, 2, out int hour) || text[13] != ':'
            || !TryNumber(text, 14, 2, out int minute) || text[16] != ':'
            || !TryNumber(text, 17, 2, out int second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[19..];
        if (!TryFraction(ref rest, out long fractionTicks) || !TryOffset(rest, out int offsetMinutes))
        {
            return false;
        }

        long ticks = new DateTime(year, month, day, hour, minute, second).Ticks
            + fractionTicks
            - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = EventTimestamp.Normalize(new DateTimeOffset(ticks, TimeSpan.Zero));
        return true;
    }

    private static bool TryFraction(ref ReadOnlySpan<char> rest, out long ticks)
    {
        ticks = 0;
        if (rest.IsEmpty || rest[0] != '.')
        {
            return true;
        }

        int digits = 1;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        int count = digits - 1;
        if (count is 0 or > MaxFractionDigits)
        {
            return false;
        }

        // Ticks are 100 ns: the first seven digits count, the rest is below what a tick can hold.
        long scale = TimeSpan.TicksPerSecond / 10;
        for (int i = 1; i <= Math.Min(count, 7); i++, scale /= 10)
        {
            ticks += (rest[i] - '0') * scale;
        }

        rest = rest[digits..];
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> zone, out int minutes)
    {
        minutes = 0;
        if (zone.IsEmpty || zone is "Z")
        {
            return true;
        }

        if (zone[0] is not ('+' or '-'))
        {
            return false;
        }

        ReadOnlySpan<char> digits = zone[1..];
        int hours = 0;
        int offsetMinutes = 0;
        bool shaped =
            (digits.Length == 2 && TryNumber(digits, 0, 2, out hours))
            || (digits.Length == 4 && TryNumber(digits, 0, 2, out hours) && TryNumber(digits, 2, 2, out offsetMinutes))
            || (digits.Length == 5 && digits[2] == ':' && TryNumber(digits, 0, 2, out hours) && TryNumber(digits, 3, 2, out offsetMinutes));
        if (!shaped || offsetMinutes > 59)
        {
            return false;
        }

        minutes = (zone[0] == '+' ? 1 : -1) * ((hours * 60) + offsetMinutes);
        return Math.Abs(minutes) <= MaxOffsetMinutes;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        foreach (char c in text.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
