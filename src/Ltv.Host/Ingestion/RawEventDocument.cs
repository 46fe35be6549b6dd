using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ltv.Host.Ingestion;

/// <summary>
/// One raw event as collectors post it: only for the OpenAPI document. The body is never bound to this
/// type; it is streamed through the same reader and validation as `ltv ingest`, unknown fields kept.
/// </summary>
public sealed record RawEventDocument(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("verb")] string Verb,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("event_time")] string EventTime,
    [property: JsonPropertyName("customer_id")] string? CustomerId,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("adr_city")] string? AdrCity,
    [property: JsonPropertyName("adr_state")] string? AdrState,
    [property: JsonPropertyName("tags")] JsonElement? Tags,
    [property: JsonPropertyName("camera_make")] string? CameraMake,
    [property: JsonPropertyName("camera_model")] string? CameraModel,
    [property: JsonPropertyName("total_amount")] string? TotalAmount);
