namespace Ltv.Host.Benchmark;

/// <summary>What <c>ltv bench</c> measures.</summary>
/// <param name="Customers">Customers in the generated input; events scale with it (about 8.4 per customer).</param>
/// <param name="Repetitions">How many times each timed phase runs; the figures are medians.</param>
/// <param name="Seed">The generator's seed: the same seed gives the same events.</param>
/// <param name="TopQueries">Top-10 queries per timeframe for the latency percentiles.</param>
public sealed record BenchSettings(int Customers, int Repetitions = 3, int Seed = 6, int TopQueries = 1000)
{
    /// <summary>About one million events.</summary>
    public const int DefaultCustomers = 120_000;
}
