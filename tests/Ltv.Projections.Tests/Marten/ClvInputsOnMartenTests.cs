using Ltv.Domain.Clv;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Clv;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The CLV inputs on Marten, from the inline CustomerLifetime documents: purchase facts and Simple LTV.</summary>
[Collection(SyntheticLogs.Name)]
public sealed class ClvInputsOnMartenTests(MixedLog mixed, RegisteredLog registered)
{
    private AppendedLog Log(bool withUnregistered) => withUnregistered ? mixed : registered;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task the_purchase_facts_are_the_order_days_of_the_daily_statistics(bool withUnregistered)
    {
        var log = Log(withUnregistered);

        // Orders whose current amount came on a later day than the order's first event: the day must be the first one's.
        log.Customers.SelectMany(c => c.Orders.Values).ShouldContain(o => UtcDays.Of(o.EventTime) != UtcDays.Of(o.FirstEventTime));

        var facts = await new PurchaseFactsQuery(log.Marten.Store).ExecuteAsync(CancellationToken.None);

        facts.ShouldBe([.. DailyStatsReference.From(LtvOracle.AcceptedEvents(log.Lines)).Rows
            .Where(r => r.Orders > 0)
            .Select(r => new PurchaseFact(r.CustomerId, r.Day, r.Revenue))]);
    }

    [Theory]
    [MemberData(nameof(RankingTests.Settings), MemberType = typeof(RankingTests))]
    public async Task simple_ltv_of_chosen_customers_is_their_ltv_in_the_ranking(Timeframe timeframe, double lifespan)
    {
        var settings = new LtvSettings(timeframe, (decimal)lifespan);
        foreach (var log in new AppendedLog[] { mixed, registered })
        {
            var ranking = LtvRanking.Top(log.Customers, settings, int.MaxValue);
            var chosen = ranking.Where((_, i) => i % 3 == 0).ToList();

            var values = await new SimpleLtvQuery(log.Marten.Store).ExecuteAsync(
                [.. chosen.Select(c => c.CustomerId.Value), "nobody"], settings, CancellationToken.None);

            values.ShouldBe(chosen.ToDictionary(c => c.CustomerId.Value, c => c.Ltv), ignoreOrder: true);
        }
    }
}
