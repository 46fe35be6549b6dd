using Ltv.Projections;
using Ltv.Projections.Ranking;

namespace Ltv.Host.Histogram;

/// <summary>How Simple LTV is spread over the customers: buckets of the positive values, and those without revenue apart.</summary>
/// <param name="Timeframe">dataset or customer.</param>
/// <param name="LifespanYears">t of the LTV rule.</param>
/// <param name="Scale">linear (equal widths from 0) or log (equal ratios from the smallest positive LTV).</param>
/// <param name="Customers">All customers.</param>
/// <param name="WithoutRevenue">Customers with LTV 0, in no bucket.</param>
/// <param name="Min">The smallest positive LTV; null when no customer has revenue.</param>
/// <param name="Max">The largest LTV.</param>
/// <param name="Buckets">In order; each holds LTVs from its from (included) to its to (excluded, but for the last).</param>
public sealed record LtvHistogramResponse(
    string Timeframe, decimal LifespanYears, string Scale, long Customers, long WithoutRevenue, decimal? Min, decimal? Max, IReadOnlyList<LtvBucketResponse> Buckets)
{
    public static LtvHistogramResponse From(LtvHistogram h, string timeframe, decimal lifespanYears, HistogramScale scale)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(
            timeframe, lifespanYears, scale.ToString().ToLowerInvariant(), h.Customers, h.WithoutRevenue, h.Min, h.Max,
            [.. h.Buckets.Select(b => new LtvBucketResponse(b.From, b.To, b.Customers))]);
    }
}

/// <summary>One bucket of the histogram.</summary>
public sealed record LtvBucketResponse(decimal From, decimal To, long Customers);
