using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store;
using Marten.Exceptions;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Tests.Marten;

/// <summary>CustomerLifetime as Marten keeps it inline: the domain's own fold, committed with the append or not at all.</summary>
public sealed class InlineCustomerLifetimeTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    private async Task AppendAsync(CustomerId customer, params CustomerEvent[] events)
    {
        await using var session = marten.Store.LightweightSession();
        session.Events.Append(customer.Value, events.Select(StoredEvents.Wrap).ToArray());
        await session.SaveChangesAsync();
    }

    private async Task<CustomerLifetime?> LoadAsync(CustomerId customer)
    {
        await using var session = marten.Store.QuerySession();
        return await session.LoadAsync<CustomerLifetime>(customer.Value);
    }

    [Fact]
    public async Task the_stored_state_is_the_domain_fold_of_the_stream_whatever_order_and_batches_the_events_came_in()
    {
        var customer = new CustomerId("inline-fold");
        CustomerEvent[] events =
        [
            new OrderAmended(customer, "o-1", At("2017-01-09T00:00:00Z"), Money.InUsd(30m)),
            new SiteVisited(customer, "p-1", At("2017-01-06T12:00:00Z"), null),
            new CustomerDetailsChanged(customer, At("2017-03-01T00:00:00Z"), "Newer", "Tempe", "AZ"),
            new OrderPlaced(customer, "o-1", At("2017-01-06T12:05:00Z"), Money.InUsd(12.34m)),
            new CustomerRegistered(customer, At("2017-01-01T00:00:00Z"), "Older", null, null),
            new ImageUploaded(customer, "i-1", At("2017-01-02T00:00:00Z"), null, null),
            new OrderPlaced(customer, "o-2", At("2017-02-01T00:00:00Z"), Money.InUsd(5m)),
        ];

        await AppendAsync(customer, events[..3]);
        await AppendAsync(customer, events[3..4]);
        await AppendAsync(customer, events[4..]);
        var stored = (await LoadAsync(customer)).ShouldNotBeNull();

        stored.ShouldBe(CustomerLifetime.From(customer, events));
        (stored.Revenue, stored.OrderCount, stored.Visits, stored.Images, stored.Profile!.LastName, stored.PreviousProfile!.LastName)
            .ShouldBe((35m, 2, 1, 1, "Newer", "Older"));
    }

    [Fact]
    public async Task a_batch_that_postgresql_refuses_changes_the_state_no_more_than_the_log()
    {
        var customer = new CustomerId("inline-atomic");
        var visit = new SiteVisited(customer, "p-1", At("2017-01-06T12:00:00Z"), null);
        await AppendAsync(customer, visit);

        await Should.ThrowAsync<MartenCommandException>(() =>
            AppendAsync(customer, new OrderPlaced(customer, "o-9", At("2017-01-07T00:00:00Z"), Money.InUsd(99m)), visit));

        (await LoadAsync(customer)).ShouldBe(CustomerLifetime.From(customer, [visit]));
    }
}
