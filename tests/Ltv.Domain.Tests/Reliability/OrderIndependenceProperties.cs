using FsCheck;
using FsCheck.Fluent;
using Ltv.Domain.Lifetime;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// Nothing counts twice and arrival order never matters (DESIGN.md "Identity and duplicates", "Streams and
/// ordering"): any permutation of the same events, with copies in other shapes injected anywhere, gives the
/// same per-customer state and the same top X as the events alone, through the whole domain pipeline.
/// </summary>
public sealed class OrderIndependenceProperties
{
    internal const int Cases = 400;

    private static readonly LtvSettings[] Settings =
        [LtvSettings.Default, new(Timeframe.Customer, 10m), new(Timeframe.Dataset, 0.5m)];

    [Fact]
    public void any_permutation_with_duplicates_gives_the_same_customers_and_the_same_top_x()
    {
        Prop.ForAll(
                ReliabilityGen.ShuffledWithDuplicates.ToArbitrary(),
                input =>
                {
                    var once = DomainPipeline.Run(input.Original);
                    var arrived = DomainPipeline.Run(input.Arrived);

                    return SameCustomers(once, arrived)
                        && Settings.All(s => new[] { 0, 1, 3, int.MaxValue }.All(x => once.Top(s, x).SequenceEqual(arrived.Top(s, x))))
                        && arrived.Accepted.Count == input.Events.Length
                        && arrived.Duplicates == input.Arrived.Length - input.Events.Length
                        && arrived.Rejected == 0;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Fact]
    public void ingesting_the_same_lines_twice_changes_nothing()
    {
        Prop.ForAll(
                ReliabilityGen.ShuffledWithDuplicates.ToArbitrary(),
                input =>
                {
                    var once = DomainPipeline.Run(input.Arrived);
                    var twice = DomainPipeline.Run([.. input.Arrived, .. input.Arrived]);

                    return SameCustomers(once, twice) && twice.Duplicates == once.Duplicates + input.Arrived.Length;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases / 4));
    }

    private static bool SameCustomers(PipelineOutcome a, PipelineOutcome b) =>
        a.Customers.Count == b.Customers.Count
        && a.Customers.All(c => b.Customers.TryGetValue(c.Key, out var other) && other == c.Value);
}
