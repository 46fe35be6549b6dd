using Ltv.Domain.Lifetime;
using SimpleLtvQuery = Ltv.Projections.Store.Clv.SimpleLtvQuery;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The Simple LTV case PurchaseFactsTests pins through the old store, asked of the Marten query.</summary>
public sealed class SimpleLtvCasesOnMartenTests(MartenStore marten) : IClassFixture<MartenStore>
{
    [Fact]
    public async Task simple_ltv_beside_the_predictions_follows_the_ltv_rule()
    {
        await marten.AppendLinesAsync(
            RawLines.Order("s1", "NEW", "o1", "2020-01-05T10:00:00Z", "10.00"),
            RawLines.Order("s2", "NEW", "o2", "2020-01-18T10:00:00Z", "20.00"));

        var values = await new SimpleLtvQuery(marten.Store).ExecuteAsync(["s1", "s2", "nobody"], LtvSettings.Default, CancellationToken.None);

        // By hand: dataset weeks from Sunday 2020-01-05 to Saturday 2020-01-18 = 2; 52 x 10 x 10 / 2 = 2600, 52 x 20 x 10 / 2 = 5200.
        values.Count.ShouldBe(2);
        values["s1"].ShouldBe(2600.00m);
        values["s2"].ShouldBe(5200.00m);
    }
}
