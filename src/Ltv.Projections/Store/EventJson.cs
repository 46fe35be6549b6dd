using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;

namespace Ltv.Projections.Store;

/// <summary>
/// How the domain's records look as stored JSON: a customer id is its text, money is its amount and currency (read back
/// through Money's constructor: System.Text.Json would take a struct's parameterless one and lose the amount), and
/// what an event computes from its fields (its identity) is not stored, since it is no fact of its own. Field names
/// follow StoredEventFields.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutIdentity } },
        };
        options.Converters.Add(new CustomerIdConverter());
        options.Converters.Add(new MoneyConverter());
        return options;
    }

    private static void LeaveOutIdentity(JsonTypeInfo type)
    {
        if (!type.Type.IsAssignableTo(typeof(CustomerEvent)))
        {
            return;
        }

        var identity = type.Properties.FirstOrDefault(p => p.PropertyType == typeof(EventIdentity));
        if (identity is not null)
        {
            type.Properties.Remove(identity);
        }
    }

    private sealed class CustomerIdConverter : JsonConverter<CustomerId>
    {
        public override CustomerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("A customer id is a string."));

        public override void Write(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var fields = JsonSerializer.Deserialize<MoneyFields>(ref reader, options) ?? throw new JsonException("Money is an object.");
            return new Money(fields.Amount, fields.Currency ?? Money.Usd);
        }

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new MoneyFields(value.Amount, value.Currency), options);
    }

    private sealed record MoneyFields(decimal Amount, string? Currency);
}
