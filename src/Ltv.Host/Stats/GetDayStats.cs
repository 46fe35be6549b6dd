namespace Ltv.Host.Stats;

/// <summary>The query for one UTC day: every customer active that day, and the day's totals.</summary>
public sealed record GetDayStats(DateOnly Date);
