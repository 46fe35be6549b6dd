using System.Globalization;

namespace Ltv.Domain.Events;

/// <summary>
/// The one canonical form of an event time: UTC, whole microseconds (PostgreSQL keeps no more),
/// written as yyyy-MM-ddTHH:mm:ss.ffffffZ in identities and in the stored JSON.
/// </summary>
public static class EventTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        long utcTicks = time.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset time) =>
        Normalize(time).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads only the canonical form; raw input goes through the validation's lenient parser.</summary>
    public static bool TryParseCanonical(string? text, out DateTimeOffset time)
    {
        bool parsed = DateTimeOffset.TryParseExact(
            text,
            Format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out DateTimeOffset value);
        time = parsed ? Normalize(value) : default;
        return parsed;
    }
}
