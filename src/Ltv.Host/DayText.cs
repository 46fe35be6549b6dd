using System.Globalization;

namespace Ltv.Host;

/// <summary>A day as users write it, on the command line and in query strings alike: YYYY-MM-DD, a UTC day.</summary>
public static class DayText
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The day, or a user error naming <paramref name="what"/> (an option or parameter) and the text given.</summary>
    public static DateOnly Parse(string? text, string what) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UserError($"Invalid {what} '{text}': write a date as YYYY-MM-DD, for example 2017-01-06.");

    /// <summary>As <see cref="Parse"/>; null when nothing was given.</summary>
    public static DateOnly? ParseOptional(string? text, string what) => text is null ? null : Parse(text, what);
}
