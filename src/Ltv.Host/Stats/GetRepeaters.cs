using Ltv.Domain.DailyStats;

namespace Ltv.Host.Stats;

/// <summary>The query for how many buyers placed 2 or more orders in <paramref name="Window"/>; with <paramref name="List"/>, who they are.</summary>
public sealed record GetRepeaters(DayWindow Window, bool List);
