using Ltv.Domain.Lifetime;
using Ltv.Projections.Ranking;

namespace Ltv.Host.Histogram;

/// <summary>
/// The query for how Simple LTV is spread over the customers: <paramref name="Buckets"/> buckets (1 to 200) on a
/// linear or log <paramref name="Scale"/>. A timeframe or lifespan left out is the store's default.
/// </summary>
public sealed record GetLtvHistogram(int Buckets = 20, HistogramScale Scale = HistogramScale.Linear, Timeframe? Timeframe = null, decimal? LifespanYears = null);
