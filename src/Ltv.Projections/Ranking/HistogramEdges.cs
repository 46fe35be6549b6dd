namespace Ltv.Projections.Ranking;

/// <summary>
/// Where the buckets of an LTV histogram start. Edges are cents, so a value rounded to cents sits in exactly one
/// bucket by plain comparison, whichever store counts them.
/// </summary>
public static class HistogramEdges
{
    public const int MaxBuckets = 200;

    /// <summary>The buckets' lower edges in cents, strictly increasing: fewer than asked when cents cannot tell them apart.</summary>
    public static decimal[] Of(decimal min, decimal max, int buckets, HistogramScale scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var first = scale == HistogramScale.Linear ? 0m : min;
        var ratio = (double)max / (double)min;
        var edges = new List<decimal> { first };
        for (var i = 1; i < buckets; i++)
        {
            var edge = scale == HistogramScale.Linear
                ? Math.Round(max * i / buckets, 2, MidpointRounding.AwayFromZero)
                : Math.Round((decimal)((double)min * Math.Pow(ratio, (double)i / buckets)), 2, MidpointRounding.AwayFromZero);
            if (edge > edges[^1] && edge < max)
            {
                edges.Add(edge);
            }
        }

        return [.. edges];
    }
}
