using Ltv.Domain.Lifetime;

namespace Ltv.Host.Top;

/// <summary>
/// The query TopXSimpleLTVCustomers(x, D): the <paramref name="X"/> customers with the highest Simple LTV. A timeframe
/// or lifespan left out is the store's default (LTV_TIMEFRAME, LTV_LIFESPAN).
/// </summary>
public sealed record GetTopCustomers(int X, Timeframe? Timeframe = null, decimal? LifespanYears = null);
