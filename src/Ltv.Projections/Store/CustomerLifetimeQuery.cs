using System.Data;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store;

/// <summary>
/// One customer's <see cref="CustomerLifetime"/>, always the fold of the customer's whole stream as committed. It reads
/// the inline document; while Marten rebuilds that read model in place (documents emptied, then replayed), it folds the
/// stream instead with the domain's fold, the one the projection runs. (Marten's own live aggregation,
/// AggregateStreamAsync, fails on this document: it sets the identity, and CustomerLifetime's Id has no setter.)
/// </summary>
public sealed class CustomerLifetimeQuery(IDocumentStore store)
{
    public async Task<CustomerLifetime?> ExecuteAsync(string customerId, CancellationToken ct)
    {
        // One snapshot for the flag and the document: the rebuild commits its flag before Marten empties the documents,
        // so a snapshot that shows no rebuild still holds every document.
        await using var session = store.LightweightSession(IsolationLevel.RepeatableRead);
        await session.BeginTransactionAsync(ct);
        var pointer = new LiveCopyPointer(store.Options.DatabaseSchemaName);
        if (!await pointer.IsRebuildingAsync(session, CustomerLifetimeProjection.ProjectionName, ct))
        {
            return await session.LoadAsync<CustomerLifetime>(customerId, ct);
        }

        var events = await session.Events.FetchStreamAsync(customerId, token: ct);
        return events.Count == 0 ? null : CustomerLifetime.From(new CustomerId(customerId), events.Select(e => e.Data).OfType<CustomerEvent>());
    }
}
