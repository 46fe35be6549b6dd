using Ltv.Domain.Clv;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;
using PurchaseFactsQuery = Ltv.Projections.Store.Clv.PurchaseFactsQuery;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The purchase-facts case PurchaseFactsTests pins through the old store, asked of the Marten query and ClvQuery over it.</summary>
public sealed class PurchaseFactsCasesOnMartenTests(MartenStore marten) : IClassFixture<MartenStore>
{
    [Fact]
    public async Task a_purchase_is_the_utc_day_an_order_was_placed_at_its_current_amount_and_one_day_s_orders_are_summed()
    {
        await marten.AppendLinesAsync(
            // 2020-01-01 23:30 at -02:00 is 2020-01-02 01:30 UTC.
            RawLines.Order("c1", "NEW", "o1", "2020-01-01T23:30:00-02:00", "10.00"),
            // Amended three days later: the amount changes, the day it was placed does not.
            RawLines.Order("c1", "UPDATE", "o1", "2020-01-05T10:00:00Z", "12.50"),
            RawLines.Order("c1", "NEW", "o2", "2020-01-02T20:00:00Z", "7.25"),
            RawLines.Order("c1", "NEW", "o3", "2020-01-09T08:00:00Z", "3.00"),
            """{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2020-01-03T08:00:00Z", "customer_id": "c1"}""",
            // A later customer, and one with no orders.
            RawLines.Order("c2", "NEW", "o1", "2020-01-18T10:00:00Z", "20.00"),
            """{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2020-01-10T08:00:00Z", "customer_id": "c3"}""");

        var facts = await new PurchaseFactsQuery(marten.Store).ExecuteAsync(CancellationToken.None);
        var fitted = await new ClvQuery(new PurchaseFactsQuery(marten.Store)).FitAsync(null, ClvTimeUnit.Week, CancellationToken.None);

        facts.ShouldBe([
            new PurchaseFact("c1", new DateOnly(2020, 1, 2), 19.75m),
            new PurchaseFact("c1", new DateOnly(2020, 1, 9), 3.00m),
            new PurchaseFact("c2", new DateOnly(2020, 1, 18), 20.00m),
        ]);
        fitted.LastPurchaseDay.ShouldBe(new DateOnly(2020, 1, 18));
        fitted.Purchases.ShouldBe(facts);
    }
}
