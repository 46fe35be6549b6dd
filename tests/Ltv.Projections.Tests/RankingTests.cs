using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

public sealed class RankingTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    public static TheoryData<Timeframe, double> Settings() => new()
    {
        { Timeframe.Dataset, 10 },
        { Timeframe.Customer, 10 },
        { Timeframe.Dataset, 2.5 },
        { Timeframe.Customer, 0.75 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task the_ranking_equals_the_ltv_rule_for_every_customer(Timeframe timeframe, double lifespan)
    {
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 200, Seed: 11)).ToList();
        await app.IngestLinesAsync(lines.OrderBy(_ => Random.Shared.Next()));
        var settings = new LtvSettings(timeframe, (decimal)lifespan);

        var actual = await app.TopAsync(1000, settings);

        actual.ShouldBe(LtvOracle.Top(lines, settings, 1000));
    }
}
