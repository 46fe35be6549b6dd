using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using CustomerView = Ltv.Projections.Lifetime.CustomerView;
using Ltv.Projections.Store.Customers;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>`ltv customer` on Marten: the inline CustomerLifetime document and the customer's stream.</summary>
[Collection(SyntheticLogs.Name)]
public sealed class CustomerQueryOnMartenTests(MixedLog mixed, RegisteredLog registered)
{
    private AppendedLog Log(bool withUnregistered) => withUnregistered ? mixed : registered;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task every_customer_view_is_the_domain_fold_of_its_events(bool withUnregistered)
    {
        var log = Log(withUnregistered);
        var query = new CustomerQuery(log.Marten.Store);
        log.Customers.Any(c => !c.HasCustomerEvent).ShouldBe(withUnregistered);

        foreach (var expected in log.Customers)
        {
            var actual = (await query.ExecuteAsync(expected.Id, CancellationToken.None)).ShouldNotBeNull();

            Figures(actual).ShouldBe(Figures(expected), $"customer {expected.Id}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task the_stream_holds_each_accepted_event_once_in_arrival_order_in_its_stored_form(bool withUnregistered)
    {
        var log = Log(withUnregistered);
        var accepted = LtvOracle.AcceptedEvents(log.Lines).ToLookup(e => e.CustomerId.Value);
        var query = new CustomerQuery(log.Marten.Store);

        foreach (var customer in log.Customers)
        {
            var stream = (await query.ExecuteAsync(customer.Id, CancellationToken.None))!.Stream;

            var context = $"customer {customer.Id}";
            stream.Select(e => e.StreamVersion).ShouldBe(Enumerable.Range(1, stream.Count), context);
            stream.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending, context);
            stream.ShouldAllBe(e => e.RecordedAt > DateTimeOffset.UnixEpoch);
            var decoded = stream.Select(e => CustomerEventCodec.Decode(e.EventType, e.Data)).ToList();
            decoded.ShouldBe(accepted[customer.Id], ignoreOrder: true, context);
        }
    }

    [Fact]
    public async Task a_customer_with_no_events_is_not_found()
    {
        (await new CustomerQuery(mixed.Marten.Store).ExecuteAsync("nobody", CancellationToken.None)).ShouldBeNull();
    }

    private static object Figures(CustomerView v) => new
    {
        v.CustomerId, v.HasCustomerEvent, v.LastName, v.City, v.State, v.PreviousLastName, v.PreviousCity, v.PreviousState,
        v.Visits, v.Images, v.Orders, v.Revenue, v.FirstEventTime, v.LastEventTime, v.FirstWeek, v.LastWeek, v.Weeks,
    };

    private static object Figures(CustomerLifetime c) => new
    {
        CustomerId = c.Id, c.HasCustomerEvent, c.Profile?.LastName, c.Profile?.City, c.Profile?.State,
        PreviousLastName = c.PreviousProfile?.LastName, PreviousCity = c.PreviousProfile?.City, PreviousState = c.PreviousProfile?.State,
        c.Visits, c.Images, Orders = c.OrderCount, c.Revenue, FirstEventTime = c.FirstEventTime!.Value, LastEventTime = c.LastEventTime!.Value,
        FirstWeek = (int)c.FirstWeek!.Value, LastWeek = (int)c.LastWeek!.Value,
        Weeks = WeekCalendar.WeeksBetween(c.FirstEventTime.Value, c.LastEventTime.Value),
    };
}
