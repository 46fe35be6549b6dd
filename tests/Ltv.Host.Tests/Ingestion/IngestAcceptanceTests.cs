using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Testing;

namespace Ltv.Host.Tests.Ingestion;

/// <summary>The walking skeleton's acceptance: duplicates, re-ingest and split ingest never change the answer.</summary>
public sealed class IngestAcceptanceTests
{
    private static readonly IReadOnlyList<string> Events =
        SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 120, Seed: 42, BadRate: 0.05)).ToList();

    private static readonly LtvSettings[] BothTimeframes = [new(Timeframe.Dataset), new(Timeframe.Customer)];

    /// <summary>The events shuffled, with about one in five repeated somewhere later.</summary>
    private static List<string> ShuffledWithDuplicates(int seed)
    {
        var random = new Random(seed);
        var lines = Events.Concat(Events.Where(_ => random.Next(5) == 0)).ToList();
        return [.. lines.OrderBy(_ => random.Next())];
    }

    [Fact]
    public async Task a_shuffled_file_with_duplicates_gives_exactly_the_top_x_of_the_ltv_rule_for_both_timeframes()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = ShuffledWithDuplicates(seed: 1);

        var summary = await app.IngestLinesAsync(lines);

        var accepted = LtvOracle.AcceptedEvents(lines).Count;
        summary.Accepted.ShouldBe(accepted);
        summary.Duplicates.ShouldBe(lines.Count - accepted - summary.Rejected);
        summary.Rejected.ShouldBeGreaterThan(0);
        foreach (var settings in BothTimeframes)
        {
            (await app.TopAsync(25, settings)).ShouldBe(LtvOracle.Top(lines, settings, 25));
        }
    }

    [Fact]
    public async Task reingesting_the_same_file_changes_nothing_and_counts_every_event_as_a_duplicate()
    {
        await using var app = await LtvTestApp.StartAsync();
        var lines = ShuffledWithDuplicates(seed: 2);
        var first = await app.IngestLinesAsync(lines);
        var before = await TopsAsync(app);

        var second = await app.IngestLinesAsync(lines);

        second.Accepted.ShouldBe(0);
        second.Duplicates.ShouldBe(first.Accepted + first.Duplicates);
        second.Rejected.ShouldBe(first.Rejected);
        (await TopsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ingesting_in_two_halves_in_either_order_gives_the_answer_of_one_ingest(bool secondHalfFirst)
    {
        await using var whole = await LtvTestApp.StartAsync();
        await using var halves = await LtvTestApp.StartAsync();
        var lines = ShuffledWithDuplicates(seed: 3);
        var (a, b) = (lines.Take(lines.Count / 2).ToList(), lines.Skip(lines.Count / 2).ToList());
        var once = await whole.IngestLinesAsync(lines);

        var first = await halves.IngestLinesAsync(secondHalfFirst ? b : a);
        var second = await halves.IngestLinesAsync(secondHalfFirst ? a : b);

        (first.Accepted + second.Accepted).ShouldBe(once.Accepted);
        (first.Duplicates + second.Duplicates).ShouldBe(once.Duplicates);
        (await TopsAsync(halves)).ShouldBe(await TopsAsync(whole));
    }

    private static async Task<List<LtvResult>> TopsAsync(LtvTestApp app)
    {
        var all = new List<LtvResult>();
        foreach (var settings in BothTimeframes)
        {
            all.AddRange(await app.TopAsync(1000, settings));
        }

        return all;
    }
}
