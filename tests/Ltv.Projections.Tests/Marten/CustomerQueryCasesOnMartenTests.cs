using Ltv.Domain.Customers;
using Ltv.Projections.Store.Customers;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The cases CustomerLifetimeTests pins on the old store, asked of <see cref="CustomerQuery"/> on Marten.</summary>
public sealed class CustomerQueryCasesOnMartenTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private CustomerQuery Query => new(marten.Store);

    [Fact]
    public async Task an_order_update_that_arrives_before_its_new_keeps_the_update_amount()
    {
        string[] lines =
        [
            """{"type": "ORDER", "verb": "UPDATE", "key": "ord-late", "event_time": "2017-02-01T10:00:00Z", "customer_id": "cust-upd", "total_amount": "20.00 USD"}""",
            """{"type": "ORDER", "verb": "NEW", "key": "ord-late", "event_time": "2017-01-01T10:00:00Z", "customer_id": "cust-upd", "total_amount": "12.34 USD"}""",
            """{"type": "ORDER", "verb": "NEW", "key": "ord-tie", "event_time": "2017-01-05T10:00:00Z", "customer_id": "cust-upd", "total_amount": "1.00 USD"}""",
            """{"type": "ORDER", "verb": "UPDATE", "key": "ord-tie", "event_time": "2017-01-05T10:00:00Z", "customer_id": "cust-upd", "total_amount": "2.00 USD"}""",
        ];
        foreach (var line in lines)
        {
            await marten.AppendLinesAsync(line);
        }

        var view = await Query.ExecuteAsync("cust-upd", CancellationToken.None);

        view!.Orders.ShouldBe(2);
        view.Revenue.ShouldBe(22.00m);
        view.Revenue.ShouldBe(LtvOracle.Customer(lines, new CustomerId("cust-upd"))!.Revenue);
        view.Stream.Select(e => e.EventType).ShouldBe(["order_amended.v1", "order_placed.v1", "order_placed.v1", "order_amended.v1"]);
    }

    [Fact]
    public async Task activity_before_the_customer_event_shows_an_unknown_name_until_it_arrives()
    {
        await marten.AppendLinesAsync("""{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2017-01-01T10:00:00Z", "customer_id": "early-bird"}""");
        var before = await Query.ExecuteAsync("early-bird", CancellationToken.None);

        await marten.AppendLinesAsync("""{"type": "CUSTOMER", "verb": "NEW", "key": "early-bird", "event_time": "2017-03-01T10:00:00Z", "last_name": "Finch"}""");
        var after = await Query.ExecuteAsync("early-bird", CancellationToken.None);

        before!.HasCustomerEvent.ShouldBeFalse();
        before.LastName.ShouldBeNull();
        after!.HasCustomerEvent.ShouldBeTrue();
        after.LastName.ShouldBe("Finch");
        after.Visits.ShouldBe(1);
        after.Stream.Count.ShouldBe(2);
    }
}
