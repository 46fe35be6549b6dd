namespace Ltv.Projections.Store.Ranking;

/// <summary>The domain's week calendar in SQL, for queries that compute LTVs on the server.</summary>
public static class WeekSql
{
    /// <summary>
    /// WeekCalendar.WeekIndex of a timestamptz expression: floor((days since 1970-01-01 + 4) / 7), weeks starting on
    /// Sunday, UTC. Held to the domain's calendar by WeekIndexTests.
    /// </summary>
    public static string IndexOf(string time) => $"floor((floor(extract(epoch from {time}) / 86400) + 4) / 7)";
}
