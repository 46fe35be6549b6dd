using Ltv.Domain.Lifetime;
using Ltv.Projections.Lifetime;
using Marten;

namespace Ltv.Projections.Store.Customers;

/// <summary>
/// One customer's profile and lifetime figures (the inline CustomerLifetime document) and stream (Marten's log), read
/// in one round trip. The document is written in the transaction that appends to the stream, so both tell the same
/// story, but they are two statements: an append committing between them can show in the stream and not yet in the
/// figures, as with the old store's two reads.
/// </summary>
public sealed class CustomerQuery(IDocumentStore store)
{
    /// <summary>Null when the customer has no events.</summary>
    public async Task<CustomerView?> ExecuteAsync(string customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var lifetime = batch.Load<CustomerLifetime>(customerId);
        var stream = batch.Events.FetchStream(customerId);
        await batch.Execute(ct);

        return await lifetime is { FirstEventTime: { } first, LastEventTime: { } last } customer
            ? View(customer, first, last) with { Stream = [.. (await stream).Select(StreamEvents.Recorded)] }
            : null;
    }

    private static CustomerView View(CustomerLifetime c, DateTimeOffset first, DateTimeOffset last) => new(
        c.Id,
        c.HasCustomerEvent,
        c.Profile?.LastName,
        c.Profile?.City,
        c.Profile?.State,
        c.PreviousProfile?.LastName,
        c.PreviousProfile?.City,
        c.PreviousProfile?.State,
        c.Visits,
        c.Images,
        c.OrderCount,
        c.Revenue,
        first,
        last,
        checked((int)WeekCalendar.WeekIndex(first)),
        checked((int)WeekCalendar.WeekIndex(last)),
        Stream: []);
}
