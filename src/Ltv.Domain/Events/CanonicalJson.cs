using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ltv.Domain.Events;

/// <summary>
/// One text for one JSON value: compact, object members sorted by name (ordinal), the same escaping
/// everywhere. Raw fields kept on events (tags, extra) go through it, so that the same input gives the
/// same event, and an event read back from PostgreSQL (jsonb reorders and re-spaces) equals the one
/// that was written.
/// </summary>
public static class CanonicalJson
{
    // Relaxed escaping keeps names like "Müller" readable in the stored JSON; it is never put into HTML.
    // The codec writes with the same options, so a payload and its parts escape alike.
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Write(JsonElement value) => Build(writer => WriteValue(writer, value));

    /// <summary>Writes the given members as one object, sorted by name.</summary>
    public static string WriteObject(IEnumerable<KeyValuePair<string, JsonElement>> members) =>
        Build(writer => WriteMembers(writer, members));

    /// <summary>Parses JSON text and writes it canonically; throws <see cref="JsonException"/> if it is not JSON.</summary>
    public static string Normalize(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Write(document.RootElement);
    }

    /// <summary>Writes the value canonically into an open writer (the codec embeds tags and extra this way).</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteMembers(writer, value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)));
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                // Re-escaped by the writer's encoder, so "\u00fc" and "ü" in the input become the same text.
                writer.WriteStringValue(value.GetString());
                break;
            default:
                // Numbers keep their literal text (12.50 stays 12.50); true, false and null are fixed words.
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteMembers(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>> members)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, JsonElement> member in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(member.Key);
            WriteValue(writer, member.Value);
        }

        writer.WriteEndObject();
    }

    private static string Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
