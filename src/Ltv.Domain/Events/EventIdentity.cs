using Ltv.Domain.Customers;

namespace Ltv.Domain.Events;

/// <summary>
/// What makes two events the same event (see DESIGN.md "Identity and duplicates").
/// The customer id names the stream, so it is not part of the key used inside that stream.
/// </summary>
public sealed record EventIdentity(CustomerId CustomerId, string Type, string Verb, string Key, DateTimeOffset EventTime)
{
    /// <summary>UTC, whole microseconds: the same instant written in two shapes must be one identity.</summary>
    public DateTimeOffset EventTime { get; init => field = EventTimestamp.Normalize(value); } = EventTimestamp.Normalize(EventTime);

    public string DedupeKey => $"{Type}|{Verb}|{Key}|{EventTimestamp.ToText(EventTime)}";

    /// <summary>
    /// The stored event's id, derived from the identity alone, so that a unique index on event ids makes PostgreSQL
    /// refuse a second copy however it arrives (retried, overlapping or concurrent ingests).
    /// </summary>
    public Guid EventId => EventIds.Of(this);
}
