namespace Ltv.Projections.Store.Customers;

/// <summary>One event of a customer's stream, as `ltv customer` and the API show it.</summary>
/// <param name="Sequence">Its sequence number in Marten's log.</param>
/// <param name="StreamVersion">Its version in the stream (1 for the first append).</param>
/// <param name="EventType">The stored type name, such as <c>order_placed.v1</c>.</param>
/// <param name="Data">The event in its canonical stored form, as JSON text.</param>
/// <param name="RecordedAt">When it was appended.</param>
public sealed record StreamEvent(long Sequence, int StreamVersion, string EventType, string Data, DateTimeOffset RecordedAt);
