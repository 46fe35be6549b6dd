using Ltv.Domain.Lifetime;
using Ltv.Projections.Ranking;
using Ltv.Projections.Store.Clv;
using LtvHistogramQuery = Ltv.Projections.Store.Ranking.LtvHistogramQuery;

namespace Ltv.Projections.Tests.Marten;

/// <summary>What the read-side queries answer on Marten before anything is ingested.</summary>
public sealed class EmptyStoreOnMartenTests(MartenStore empty) : IClassFixture<MartenStore>
{
    [Fact]
    public async Task an_empty_store_has_an_empty_summary()
    {
        (await new Store.Summary.StoreSummaryQuery(empty.Store).ExecuteAsync(CancellationToken.None)).ShouldBe(new StoreSummary(0, 0, 0, null, null));
    }

    [Theory]
    [InlineData(Timeframe.Dataset, HistogramScale.Log)]
    [InlineData(Timeframe.Customer, HistogramScale.Linear)]
    public async Task an_empty_store_has_an_empty_histogram(Timeframe timeframe, HistogramScale scale)
    {
        var histogram = await new LtvHistogramQuery(empty.Store).ExecuteAsync(20, scale, new LtvSettings(timeframe), CancellationToken.None);

        (histogram.Customers, histogram.WithoutRevenue, histogram.Min, histogram.Max, histogram.Buckets.Count, histogram.Lag)
            .ShouldBe((0L, 0L, (decimal?)null, (decimal?)null, 0, 0L));
    }

    [Fact]
    public async Task an_empty_store_has_no_purchases_and_no_simple_ltv()
    {
        (await new PurchaseFactsQuery(empty.Store).ExecuteAsync(CancellationToken.None)).ShouldBeEmpty();
        (await new SimpleLtvQuery(empty.Store).ExecuteAsync(["nobody"], LtvSettings.Default, CancellationToken.None)).ShouldBeEmpty();
    }
}
