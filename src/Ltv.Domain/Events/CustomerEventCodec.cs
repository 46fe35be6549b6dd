using System.Buffers;
using System.Text;
using System.Text.Json;
using static Ltv.Domain.Events.CustomerEvent;
using F = Ltv.Domain.Events.StoredEventFields;
using T = Ltv.Domain.Events.StoredEventTypes;

namespace Ltv.Domain.Events;

/// <summary>
/// The stored form of an event: a versioned type name and a JSON payload that SQL can read.
/// Encoding is deterministic (fixed field order, canonical tags and extra), so the same event always
/// gives the same bytes; decoding gives back an equal event, also from jsonb's reformatted text.
/// </summary>
public static class CustomerEventCodec
{
    public static (string TypeName, string Json) Encode(CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = new ArrayBufferWriter<byte>();
        string typeName;
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(F.CustomerId, e.CustomerId.Value);
            writer.WriteString(F.EventTime, EventTimestamp.ToText(e.EventTime));
            typeName = WritePayload(writer, e);
            WriteRawJson(writer, F.Extra, e.Extra, requireObject: true);
            writer.WriteEndObject();
        }

        return (typeName, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Throws <see cref="FormatException"/> when the type name is unknown or the payload does not fit it.</summary>
    public static CustomerEvent Decode(string typeName, string json)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(json);
        StoredEventReader r = StoredEventReader.Parse(typeName, json);
        return typeName switch
        {
            T.CustomerRegistered => new CustomerRegistered(
                r.CustomerId(), r.EventTime(), r.OptionalString(F.LastName), r.OptionalString(F.City), r.OptionalString(F.State), r.Extra()),
            T.CustomerDetailsChanged => new CustomerDetailsChanged(
                r.CustomerId(), r.EventTime(), r.OptionalString(F.LastName), r.OptionalString(F.City), r.OptionalString(F.State), r.Extra()),
            T.SiteVisited => new SiteVisited(
                r.CustomerId(), r.RequiredString(F.PageId), r.EventTime(), r.OptionalJson(F.Tags), r.Extra()),
            T.ImageUploaded => new ImageUploaded(
                r.CustomerId(), r.RequiredString(F.ImageId), r.EventTime(), r.OptionalString(F.CameraMake), r.OptionalString(F.CameraModel), r.Extra()),
            T.OrderPlaced => new OrderPlaced(r.CustomerId(), r.RequiredString(F.OrderId), r.EventTime(), r.Money(), r.Extra()),
            T.OrderAmended => new OrderAmended(r.CustomerId(), r.RequiredString(F.OrderId), r.EventTime(), r.Money(), r.Extra()),
            _ => throw new FormatException($"Unknown stored event type '{typeName}'."),
        };
    }

    public static string TypeNameOf(CustomerEvent e) => e switch
    {
        CustomerRegistered => T.CustomerRegistered,
        CustomerDetailsChanged => T.CustomerDetailsChanged,
        SiteVisited => T.SiteVisited,
        ImageUploaded => T.ImageUploaded,
        OrderPlaced => T.OrderPlaced,
        OrderAmended => T.OrderAmended,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown event."),
    };

    private static string WritePayload(Utf8JsonWriter writer, CustomerEvent e)
    {
        switch (e)
        {
            case CustomerRegistered c:
                WriteProfile(writer, c.LastName, c.City, c.State);
                break;
            case CustomerDetailsChanged c:
                WriteProfile(writer, c.LastName, c.City, c.State);
                break;
            case SiteVisited v:
                writer.WriteString(F.PageId, v.PageId);
                WriteRawJson(writer, F.Tags, v.TagsJson, requireObject: false);
                break;
            case ImageUploaded i:
                writer.WriteString(F.ImageId, i.ImageId);
                writer.WriteString(F.CameraMake, i.CameraMake);
                writer.WriteString(F.CameraModel, i.CameraModel);
                break;
            case OrderPlaced o:
                WriteOrder(writer, o.OrderId, o.Amount);
                break;
            case OrderAmended o:
                WriteOrder(writer, o.OrderId, o.Amount);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown event.");
        }

        return TypeNameOf(e);
    }

    // Always written, null included: every row of one type has the same shape for the SQL that reads it.
    private static void WriteProfile(Utf8JsonWriter writer, string? lastName, string? city, string? state)
    {
        writer.WriteString(F.LastName, lastName);
        writer.WriteString(F.City, city);
        writer.WriteString(F.State, state);
    }

    private static void WriteOrder(Utf8JsonWriter writer, string orderId, Money amount)
    {
        writer.WriteString(F.OrderId, orderId);
        // Money keeps the smallest exact scale, so this writes 12.34, never 12.340000.
        writer.WriteNumber(F.Amount, amount.Amount);
        writer.WriteString(F.Currency, amount.Currency);
    }

    private static void WriteRawJson(Utf8JsonWriter writer, string name, string? json, bool requireObject)
    {
        if (json is null)
        {
            return;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        if (requireObject && document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"'{name}' must be a JSON object, not {document.RootElement.ValueKind}.", nameof(json));
        }

        writer.WritePropertyName(name);
        CanonicalJson.WriteValue(writer, document.RootElement);
    }
}
