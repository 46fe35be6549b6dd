using Ltv.Domain.Clv;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;
using Ltv.Testing;

namespace Ltv.Host.Tests.Clv;

public sealed class PurchaseFactsTests
{
    private static string Order(string verb, string key, string time, string amount) =>
        $$"""{"type": "ORDER", "verb": "{{verb}}", "key": "{{key}}", "event_time": "{{time}}", "customer_id": "c1", "total_amount": "{{amount}} USD"}""";

    [Fact]
    public async Task a_purchase_is_the_utc_day_an_order_was_placed_at_its_current_amount_and_one_day_s_orders_are_summed()
    {
        await using var app = await LtvTestApp.StartAsync();
        await app.IngestLinesAsync([
            // 2020-01-01 23:30 at -02:00 is 2020-01-02 01:30 UTC.
            Order("NEW", "o1", "2020-01-01T23:30:00-02:00", "10.00"),
            // Amended three days later: the amount changes, the day it was placed does not.
            Order("UPDATE", "o1", "2020-01-05T10:00:00Z", "12.50"),
            Order("NEW", "o2", "2020-01-02T20:00:00Z", "7.25"),
            Order("NEW", "o3", "2020-01-09T08:00:00Z", "3.00"),
            """{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2020-01-03T08:00:00Z", "customer_id": "c1"}""",
        ]);

        var facts = await app.Get<PurchaseFactsQuery>().ExecuteAsync(default);

        facts.ShouldBe([
            new PurchaseFact("c1", new DateOnly(2020, 1, 2), 19.75m),
            new PurchaseFact("c1", new DateOnly(2020, 1, 9), 3.00m),
        ]);
    }

    [Fact]
    public async Task simple_ltv_beside_the_predictions_follows_the_ltv_rule()
    {
        await using var app = await LtvTestApp.StartAsync();
        await app.IngestLinesAsync([
            Order("NEW", "o1", "2020-01-05T10:00:00Z", "10.00"),
            """{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "2020-01-18T10:00:00Z", "customer_id": "c2", "total_amount": "20.00 USD"}""",
        ]);

        var values = await app.Get<SimpleLtvQuery>().ExecuteAsync(["c1", "c2", "nobody"], Domain.Lifetime.LtvSettings.Default, default);

        // By hand: dataset weeks from Sunday 2020-01-05 to Saturday 2020-01-18 = 2; 52 x 10 x 10 / 2 = 2600, 52 x 20 x 10 / 2 = 5200.
        values.Count.ShouldBe(2);
        values["c1"].ShouldBe(2600.00m);
        values["c2"].ShouldBe(5200.00m);
        (await app.TopAsync(2, Domain.Lifetime.LtvSettings.Default)).Select(r => r.Ltv).ShouldBe([5200.00m, 2600.00m]);
    }
}
