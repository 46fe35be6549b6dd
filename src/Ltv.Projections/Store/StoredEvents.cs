using JasperFx.Events;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Store;

/// <summary>Domain events as Marten appends them: wrapped with the id their identity gives (EventIds).</summary>
public static class StoredEvents
{
    /// <summary>
    /// The stream where Marten writes a tombstone for each sequence number an append had taken when its transaction
    /// failed (a concurrent duplicate, a cancelled ingest), so that the daemon need not wait at the gap. They are not
    /// customer events: every count of events leaves them out. Their timestamp is -infinity.
    /// </summary>
    public static string TombstoneStream => Tombstone.StreamKey;

    public static IEvent Wrap(CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        IEvent wrapped = e switch
        {
            CustomerRegistered c => new Event<CustomerRegistered>(c),
            CustomerDetailsChanged c => new Event<CustomerDetailsChanged>(c),
            SiteVisited v => new Event<SiteVisited>(v),
            ImageUploaded i => new Event<ImageUploaded>(i),
            OrderPlaced o => new Event<OrderPlaced>(o),
            OrderAmended o => new Event<OrderAmended>(o),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown event."),
        };
        wrapped.Id = e.Identity.EventId;
        return wrapped;
    }
}
