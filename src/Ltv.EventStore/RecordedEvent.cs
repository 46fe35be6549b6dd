namespace Ltv.EventStore;

/// <summary>An event as stored in the log.</summary>
/// <param name="Position">Its position in the global log.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="StreamVersion">Its version in that stream (1 for the first append).</param>
/// <param name="DedupeKey">Its identity within the stream.</param>
/// <param name="EventType">The stored type name.</param>
/// <param name="Data">The payload as JSON text.</param>
/// <param name="Metadata">Metadata as JSON text, if any.</param>
/// <param name="RecordedAt">When it was appended.</param>
public sealed record RecordedEvent(
    LogPosition Position,
    string StreamId,
    int StreamVersion,
    string DedupeKey,
    string EventType,
    string Data,
    string? Metadata,
    DateTimeOffset RecordedAt);
