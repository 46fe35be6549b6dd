using JasperFx.Events;
using Ltv.Domain.Events;

namespace Ltv.Projections.Store.Customers;

/// <summary>A customer's events from Marten's log, as <see cref="Lifetime.CustomerView"/> has always shown them.</summary>
public static class StreamEvents
{
    /// <summary>
    /// The data is the event's canonical stored form (<see cref="CustomerEventCodec"/>: tags and extra fields as JSON,
    /// not as the strings Marten's serializer keeps), so `ltv customer` and the API show what they showed before.
    /// </summary>
    public static StreamEvent Recorded(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = e.Data as CustomerEvent
            ?? throw new InvalidOperationException($"Event {e.Sequence} of stream {e.StreamKey} is a {e.EventTypeName}, not a customer event.");
        return new StreamEvent(e.Sequence, checked((int)e.Version), e.EventTypeName, CustomerEventCodec.Encode(data).Json, e.Timestamp);
    }
}
