using Ltv.Domain.Customers;
using Ltv.Host.Generation;
using Ltv.Projections.Store.Customers;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

public sealed class CustomerLifetimeTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    private static readonly string[] Lines =
        [.. SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 150, Seed: 7)).OrderBy(_ => Random.Shared.Next())];

    [Fact]
    public async Task every_customer_row_equals_the_domain_fold_of_its_events()
    {
        await app.IngestLinesAsync(Lines);
        var query = app.Get<CustomerQuery>();

        foreach (var expected in LtvOracle.Customers(Lines))
        {
            var actual = await query.ExecuteAsync(expected.CustomerId.Value, default);
            actual.ShouldNotBeNull();
            var context = $"customer {expected.CustomerId}";
            actual.Visits.ShouldBe(expected.Visits, context);
            actual.Images.ShouldBe(expected.Images, context);
            actual.Orders.ShouldBe(expected.OrderCount, context);
            actual.Revenue.ShouldBe(expected.Revenue, context);
            actual.FirstEventTime.ShouldBe(expected.FirstEventTime!.Value, context);
            actual.LastEventTime.ShouldBe(expected.LastEventTime!.Value, context);
            actual.FirstWeek.ShouldBe((int)expected.FirstWeek!.Value, context);
            actual.LastWeek.ShouldBe((int)expected.LastWeek!.Value, context);
            actual.HasCustomerEvent.ShouldBe(expected.HasCustomerEvent, context);
            actual.LastName.ShouldBe(expected.Profile?.LastName, context);
            actual.City.ShouldBe(expected.Profile?.City, context);
            actual.PreviousLastName.ShouldBe(expected.PreviousProfile?.LastName, context);
            actual.PreviousCity.ShouldBe(expected.PreviousProfile?.City, context);
        }
    }

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
        await app.IngestLinesAsync(lines);

        var view = await app.Get<CustomerQuery>().ExecuteAsync("cust-upd", default);

        view!.Orders.ShouldBe(2);
        view.Revenue.ShouldBe(22.00m);
        view.Revenue.ShouldBe(LtvOracle.Customer(lines, new CustomerId("cust-upd"))!.Revenue);
    }

    [Fact]
    public async Task activity_before_the_customer_event_shows_an_unknown_name_until_it_arrives()
    {
        var visit = """{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2017-01-01T10:00:00Z", "customer_id": "early-bird"}""";
        await app.IngestLinesAsync([visit]);
        var before = await app.Get<CustomerQuery>().ExecuteAsync("early-bird", default);

        await app.IngestLinesAsync(["""{"type": "CUSTOMER", "verb": "NEW", "key": "early-bird", "event_time": "2017-03-01T10:00:00Z", "last_name": "Finch"}"""]);
        var after = await app.Get<CustomerQuery>().ExecuteAsync("early-bird", default);

        before!.HasCustomerEvent.ShouldBeFalse();
        before.LastName.ShouldBeNull();
        after!.HasCustomerEvent.ShouldBeTrue();
        after.LastName.ShouldBe("Finch");
        after.Visits.ShouldBe(1);
    }

    [Fact]
    public async Task profiles_arriving_over_many_batches_in_any_order_keep_the_two_latest_by_recency()
    {
        // The two latest share a time, where UPDATE beats NEW; the older ones arrive before and after them.
        string[] lines =
        [
            """{"type": "CUSTOMER", "verb": "NEW", "key": "many-batches", "event_time": "2017-03-01T10:00:00Z", "last_name": "First", "adr_city": "Aa", "adr_state": "AK"}""",
            """{"type": "CUSTOMER", "verb": "UPDATE", "key": "many-batches", "event_time": "2017-03-01T10:00:00Z", "last_name": "SameTimeUpdate", "adr_city": "Bb", "adr_state": "AL"}""",
            """{"type": "CUSTOMER", "verb": "UPDATE", "key": "many-batches", "event_time": "2017-02-01T10:00:00Z", "last_name": "Middle", "adr_state": "AZ"}""",
            """{"type": "CUSTOMER", "verb": "UPDATE", "key": "many-batches", "event_time": "2017-01-01T10:00:00Z", "last_name": "Older", "adr_city": "Cc", "adr_state": "CA"}""",
            """{"type": "CUSTOMER", "verb": "UPDATE", "key": "many-batches", "event_time": "2016-12-01T10:00:00Z", "last_name": "Oldest", "adr_city": "Dd", "adr_state": "CO"}""",
            """{"type": "SITE_VISIT", "verb": "NEW", "key": "mb-v1", "event_time": "2017-01-15T10:00:00Z", "customer_id": "many-batches"}""",
        ];
        for (var round = 0; round < 4; round++)
        {
            // A customer of its own each round, its events one batch each and in a different order: every merge meets stored profiles.
            var customer = $"many-batches-{round}";
            var ofRound = lines.Select(l => l.Replace("many-batches", customer, StringComparison.Ordinal)).ToArray();
            var expected = LtvOracle.Customer(ofRound, new CustomerId(customer))!;
            foreach (var line in ofRound.OrderBy(_ => Random.Shared.Next()))
            {
                await app.IngestLinesAsync([line]);
            }

            var view = await app.Get<CustomerQuery>().ExecuteAsync(customer, default);

            view.ShouldNotBeNull();
            (view.LastName, view.City, view.State).ShouldBe((expected.Profile!.LastName, expected.Profile.City, expected.Profile.State));
            (view.PreviousLastName, view.PreviousCity, view.PreviousState)
                .ShouldBe((expected.PreviousProfile!.LastName, expected.PreviousProfile.City, expected.PreviousProfile.State));
        }
    }
}
