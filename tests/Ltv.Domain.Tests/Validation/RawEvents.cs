using System.Text.Json;
using Ltv.Domain.Events;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Validation;

/// <summary>Runs the validator on JSON text, the way specs state inputs.</summary>
internal static class RawEvents
{
    public static ValidationResult Validate(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return EventValidator.Validate(document.RootElement);
    }

    public static CustomerEvent Accept(string json) =>
        Validate(json).ShouldBeOfType<ValidationResult.Accepted>().Event;

    public static string Reject(string json) =>
        Validate(json).ShouldBeOfType<ValidationResult.Rejected>().Reason;

    /// <summary>A valid event of the type with one field set to the given JSON, or removed when null.</summary>
    public static string With(string type, string field, string? json)
    {
        var fields = new Dictionary<string, string>(Valid[type], StringComparer.Ordinal);
        if (json is null)
        {
            fields.Remove(field);
        }
        else
        {
            fields[field] = json;
        }

        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private static readonly Dictionary<string, Dictionary<string, string>> Valid = new(StringComparer.Ordinal)
    {
        ["CUSTOMER"] = new(StringComparer.Ordinal)
        {
            ["type"] = "\"CUSTOMER\"", ["verb"] = "\"NEW\"", ["key"] = "\"96f55c7d8f42\"", ["event_time"] = "\"2017-01-06T12:46:46.384Z\"",
            ["last_name"] = "\"Smith\"", ["adr_city"] = "\"Middletown\"", ["adr_state"] = "\"AK\"",
        },
        ["SITE_VISIT"] = new(StringComparer.Ordinal)
        {
            ["type"] = "\"SITE_VISIT\"", ["verb"] = "\"NEW\"", ["key"] = "\"ac05e815502f\"", ["event_time"] = "\"2017-01-06T12:45:52.041Z\"",
            ["customer_id"] = "\"96f55c7d8f42\"", ["tags"] = """[{"some key": "some value"}]""",
        },
        ["IMAGE"] = new(StringComparer.Ordinal)
        {
            ["type"] = "\"IMAGE\"", ["verb"] = "\"UPLOAD\"", ["key"] = "\"d8ede43b1d9f\"", ["event_time"] = "\"2017-01-06T12:47:12.344Z\"",
            ["customer_id"] = "\"96f55c7d8f42\"", ["camera_make"] = "\"Canon\"", ["camera_model"] = "\"EOS 80D\"",
        },
        ["ORDER"] = new(StringComparer.Ordinal)
        {
            ["type"] = "\"ORDER\"", ["verb"] = "\"NEW\"", ["key"] = "\"68d84e5d1a43\"", ["event_time"] = "\"2017-01-06T12:55:55.555Z\"",
            ["customer_id"] = "\"96f55c7d8f42\"", ["total_amount"] = "\"12.34 USD\"",
        },
    };
}
