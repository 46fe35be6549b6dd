namespace Ltv.Projections.Ranking;

/// <summary>How histogram buckets divide the LTV axis.</summary>
public enum HistogramScale
{
    /// <summary>Equal widths from 0 to the largest LTV.</summary>
    Linear,

    /// <summary>Equal ratios from the smallest positive LTV to the largest: LTV is heavily skewed.</summary>
    Log,
}

/// <summary>One bucket: customers whose LTV is at least <paramref name="From"/> and below <paramref name="To"/> (the last one includes its To).</summary>
public sealed record LtvBucket(decimal From, decimal To, long Customers)
{
    /// <summary>
    /// The buckets of <paramref name="edges"/> (lower edges, from <see cref="HistogramEdges.Of"/>), the last one ending
    /// at <paramref name="max"/>, with <paramref name="counts"/> customers each.
    /// </summary>
    public static IReadOnlyList<LtvBucket> FromEdges(decimal[] edges, decimal max, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        return [.. edges.Select((from, i) => new LtvBucket(from, i + 1 < edges.Length ? edges[i + 1] : max, counts[i]))];
    }
}

/// <summary>The distribution of Simple LTV over all customers.</summary>
/// <param name="Customers">All customers in the ranking.</param>
/// <param name="WithoutRevenue">Customers with LTV 0 (no revenue): in no bucket, since a log axis cannot show them.</param>
/// <param name="Min">The smallest positive LTV.</param>
/// <param name="Max">The largest LTV.</param>
/// <param name="Buckets">Buckets over the positive LTVs, in order; none when no customer has revenue.</param>
/// <param name="Lag">Events in the log not yet in the ranking.</param>
public sealed record LtvHistogram(long Customers, long WithoutRevenue, decimal? Min, decimal? Max, IReadOnlyList<LtvBucket> Buckets, long Lag);
