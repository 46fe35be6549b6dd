using Ltv.Domain.Lifetime;
using Ltv.Projections.Ranking;
using LtvHistogramQuery = Ltv.Projections.Store.Ranking.LtvHistogramQuery;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The dashboard's LTV histogram on Marten, over the LtvRanking documents, held to the domain's LTV of each customer.</summary>
[Collection(SyntheticLogs.Name)]
public sealed class LtvHistogramOnMartenTests(MixedLog mixed, RegisteredLog registered)
{
    private AppendedLog Log(bool withUnregistered) => withUnregistered ? mixed : registered;

    [Theory]
    [InlineData(Timeframe.Dataset, HistogramScale.Linear, 20, true)]
    [InlineData(Timeframe.Dataset, HistogramScale.Log, 7, false)]
    [InlineData(Timeframe.Customer, HistogramScale.Linear, 1, true)]
    [InlineData(Timeframe.Customer, HistogramScale.Log, 200, false)]
    [InlineData(Timeframe.Customer, HistogramScale.Linear, 13, false)]
    [InlineData(Timeframe.Dataset, HistogramScale.Log, 50, true)]
    public async Task the_histogram_puts_every_customer_of_the_ltv_rule_in_the_bucket_of_its_ltv(
        Timeframe timeframe, HistogramScale scale, int buckets, bool withUnregistered)
    {
        var log = Log(withUnregistered);
        var settings = new LtvSettings(timeframe, 2.5m);
        var ltvs = LtvRanking.Top(log.Customers, settings, int.MaxValue).Select(c => c.Ltv).ToList();
        var positive = ltvs.Where(v => v > 0).ToList();

        var histogram = await new LtvHistogramQuery(log.Marten.Store).ExecuteAsync(buckets, scale, settings, CancellationToken.None);

        (histogram.Customers, histogram.WithoutRevenue, histogram.Lag).ShouldBe((ltvs.Count, ltvs.Count - positive.Count, 0L));
        (histogram.Min, histogram.Max).ShouldBe((positive.Min(), positive.Max()));
        histogram.Buckets.Select(b => b.From).ShouldBe(HistogramEdges.Of(positive.Min(), positive.Max(), buckets, scale));
        histogram.Buckets[^1].To.ShouldBe(positive.Max());
        for (var i = 0; i < histogram.Buckets.Count; i++)
        {
            var (from, to, customers) = histogram.Buckets[i];
            var last = i == histogram.Buckets.Count - 1;
            customers.ShouldBe(positive.Count(v => v >= from && (v < to || (last && v == to))), $"bucket {i}");
            to.ShouldBe(last ? positive.Max() : histogram.Buckets[i + 1].From);
        }
    }
}
