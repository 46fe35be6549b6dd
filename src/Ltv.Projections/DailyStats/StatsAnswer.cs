namespace Ltv.Projections.DailyStats;

/// <summary>A statistics answer, with how many events of the log the DailyStats read model has not applied yet.</summary>
public sealed record StatsAnswer<T>(T Stats, long Lag);
