namespace Ltv.Host.Stats;

/// <summary>The query for each UTC day's totals from <paramref name="From"/> to <paramref name="To"/> (both included), and the totals over them.</summary>
public sealed record GetRangeStats(DateOnly From, DateOnly To);
