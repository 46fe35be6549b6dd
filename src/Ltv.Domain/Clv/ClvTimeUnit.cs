namespace Ltv.Domain.Clv;

/// <summary>The unit that recency, T, the BG/NBD scale alpha and prediction horizons are measured in.</summary>
public enum ClvTimeUnit
{
    /// <summary>7 days: the unit of the published CDNOW results and the default.</summary>
    Week,

    /// <summary>1 day.</summary>
    Day,
}

/// <summary>How time units are named and converted.</summary>
public static class ClvTimeUnits
{
    /// <summary>A month as the CLV horizon counts it: a twelfth of a Julian year, 30.4375 days.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    public static double Days(ClvTimeUnit unit) => unit switch
    {
        ClvTimeUnit.Week => 7,
        ClvTimeUnit.Day => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };

    /// <summary>The unit's name in outputs ("week", "day").</summary>
    public static string Name(ClvTimeUnit unit) => unit switch
    {
        ClvTimeUnit.Week => "week",
        ClvTimeUnit.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };

    /// <summary>Null for an unknown name.</summary>
    public static ClvTimeUnit? Parse(string name) => name.ToLowerInvariant() switch
    {
        "week" or "weeks" => ClvTimeUnit.Week,
        "day" or "days" => ClvTimeUnit.Day,
        _ => null,
    };

    public static double FromDays(double days, ClvTimeUnit unit) => days / Days(unit);

    public static double FromMonths(double months, ClvTimeUnit unit) => months * DaysPerMonth / Days(unit);
}
