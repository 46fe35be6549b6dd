namespace Ltv.Host.Benchmark;

/// <summary>Medians and percentiles of measured samples (nearest rank).</summary>
internal static class Percentiles
{
    public static double Median(IReadOnlyList<double> samples) => Of(samples, 50);

    /// <summary>The smallest sample with at least <paramref name="percent"/> % of the samples at or below it.</summary>
    public static double Of(IReadOnlyList<double> samples, double percent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
