namespace Ltv.EventStore;

/// <summary>An event to append.</summary>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="DedupeKey">Its identity within the stream: appending the same key again is a duplicate.</param>
/// <param name="EventType">The stored type name, an explicit versioned string such as <c>order_placed.v1</c>.</param>
/// <param name="Data">The payload as JSON text.</param>
/// <param name="Metadata">Optional metadata as JSON text (for example the ingest run and source position).</param>
public sealed record NewEvent(string StreamId, string DedupeKey, string EventType, string Data, string? Metadata = null);
