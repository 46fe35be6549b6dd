using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Ltv.Domain.Events;

namespace Ltv.Domain.Validation;

/// <summary>
/// The fields of one raw event object, each read by the rules of DESIGN.md "Input". Every read
/// returns false with a rejection reason rather than throwing: rejections are ordinary data here.
/// </summary>
internal sealed class RawEventFields
{
    // Stream id and identity share one index entry (at most 2,704 bytes): two ids of 256 bytes and the rest fit.
    public const int MaxIdBytes = 256;

    private readonly Dictionary<string, JsonElement> _fields;

    private RawEventFields(Dictionary<string, JsonElement> fields) => _fields = fields;

    /// <summary>False when a field name appears twice: which one is meant has no single reading.</summary>
    public static bool TryCollect(JsonElement rawObject, [NotNullWhen(true)] out RawEventFields? fields)
    {
        var byName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in rawObject.EnumerateObject())
        {
            if (!byName.TryAdd(property.Name, property.Value))
            {
                fields = null;
                return false;
            }
        }

        fields = new RawEventFields(byName);
        return true;
    }

    /// <summary>A required, non-blank string token such as type or verb; no conversion from other JSON kinds.</summary>
    public bool TryName(string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        if (!TryGetPresent(name, out JsonElement element))
        {
            reason = Missing(name);
            return false;
        }

        // A blank name is no name: "unknown type " would be a reason nobody can read.
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        value = string.IsNullOrWhiteSpace(text) ? null : text;
        reason = value is null ? Invalid(name) : null;
        return value is not null;
    }

    /// <summary>An id: a non-blank string of at most <see cref="MaxIdBytes"/> UTF-8 bytes, or a JSON integer taken as its decimal text.</summary>
    public bool TryId(string name, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? reason)
    {
        id = null;
        if (!TryGetPresent(name, out JsonElement element))
        {
            reason = Missing(name);
            return false;
        }

        id = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when IsIntegerLiteral(element.GetRawText()) => element.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(id) || Encoding.UTF8.GetByteCount(id) > MaxIdBytes)
        {
            id = null;
            reason = Invalid(name);
            return false;
        }

        reason = null;
        return true;
    }

    public bool TryEventTime(out DateTimeOffset time, [NotNullWhen(false)] out string? reason)
    {
        time = default;
        if (!TryGetPresent(RawFieldNames.EventTime, out JsonElement element))
        {
            reason = RejectionReasons.MissingEventTime;
            return false;
        }

        bool parsed = element.ValueKind == JsonValueKind.String && EventTimeParser.TryParse(element.GetString(), out time);
        reason = parsed ? null : RejectionReasons.InvalidEventTime;
        return parsed;
    }

    public bool TryAmount(out Money amount, [NotNullWhen(false)] out string? reason)
    {
        if (!TryGetPresent(RawFieldNames.TotalAmount, out JsonElement element))
        {
            amount = default;
            reason = RejectionReasons.MissingTotalAmount;
            return false;
        }

        return AmountParser.TryParse(element, out amount, out reason);
    }

    /// <summary>An optional string: absent or null is null; any other non-string kind is rejected.</summary>
    public bool TryOptionalText(string name, out string? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        reason = null;
        if (!TryGetPresent(name, out JsonElement element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            reason = Invalid(name);
            return false;
        }

        value = element.GetString();
        return true;
    }

    /// <summary>Any JSON value, kept canonically; absent or null is null.</summary>
    public string? OptionalJson(string name) =>
        TryGetPresent(name, out JsonElement element) ? CanonicalJson.Write(element) : null;

    /// <summary>The fields no rule knows, as one canonical JSON object; null when there are none.</summary>
    public string? Extra(IReadOnlySet<string> knownNames)
    {
        var unknown = _fields.Where(f => !knownNames.Contains(f.Key)).ToList();
        return unknown.Count == 0 ? null : CanonicalJson.WriteObject(unknown);
    }

    private bool TryGetPresent(string name, out JsonElement element) =>
        _fields.TryGetValue(name, out element) && element.ValueKind != JsonValueKind.Null;

    private static bool IsIntegerLiteral(string text)
    {
        ReadOnlySpan<char> digits = text.StartsWith('-') ? text.AsSpan(1) : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // Spelled out rather than composed, so that every reason produced is one listed in RejectionReasons.
    private static string Missing(string name) => name switch
    {
        RawFieldNames.Type => RejectionReasons.MissingType,
        RawFieldNames.Verb => RejectionReasons.MissingVerb,
        RawFieldNames.Key => RejectionReasons.MissingKey,
        RawFieldNames.CustomerId => RejectionReasons.MissingCustomerId,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No field of that name is required."),
    };

    private static string Invalid(string name) => name switch
    {
        RawFieldNames.Type => RejectionReasons.InvalidType,
        RawFieldNames.Verb => RejectionReasons.InvalidVerb,
        RawFieldNames.Key => RejectionReasons.InvalidKey,
        RawFieldNames.CustomerId => RejectionReasons.InvalidCustomerId,
        RawFieldNames.LastName => RejectionReasons.InvalidLastName,
        RawFieldNames.City => RejectionReasons.InvalidCity,
        RawFieldNames.State => RejectionReasons.InvalidState,
        RawFieldNames.CameraMake => RejectionReasons.InvalidCameraMake,
        RawFieldNames.CameraModel => RejectionReasons.InvalidCameraModel,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No field of that name is validated."),
    };
}
