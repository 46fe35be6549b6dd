using Ltv.Domain.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>The query for the <paramref name="Limit"/> customers with the most revenue, orders or visits over a period of UTC days.</summary>
public sealed record GetPeriodTop(DateOnly From, DateOnly To, TopMetric By, int Limit);
