using System.Text.Json;
using Ltv.Domain.Customers;

namespace Ltv.Domain.Events;

/// <summary>Reads the fields of one stored payload; anything that does not fit is a <see cref="FormatException"/>.</summary>
internal sealed class StoredEventReader
{
    private readonly string _typeName;
    private readonly JsonElement _root;

    private StoredEventReader(string typeName, JsonElement root)
    {
        _typeName = typeName;
        _root = root;
    }

    public static StoredEventReader Parse(string typeName, string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A stored {typeName} payload must be a JSON object.");
            }

            // Clone so the element outlives the pooled document.
            return new StoredEventReader(typeName, document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A stored {typeName} payload is not JSON: {ex.Message}", ex);
        }
    }

    public CustomerId CustomerId() =>
        Customers.CustomerId.TryCreate(RequiredString(StoredEventFields.CustomerId), out CustomerId id)
            ? id
            : throw Invalid(StoredEventFields.CustomerId);

    public DateTimeOffset EventTime() =>
        EventTimestamp.TryParseCanonical(RequiredString(StoredEventFields.EventTime), out DateTimeOffset time)
            ? time
            : throw Invalid(StoredEventFields.EventTime);

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new FormatException($"A stored {_typeName} has no '{name}'.");

    public string? OptionalString(string name)
    {
        if (!_root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(name);
    }

    public string? OptionalJson(string name) =>
        _root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? CanonicalJson.Write(value)
            : null;

    public string? Extra()
    {
        string? extra = OptionalJson(StoredEventFields.Extra);
        bool isObject = extra is null || _root.GetProperty(StoredEventFields.Extra).ValueKind == JsonValueKind.Object;
        return isObject ? extra : throw Invalid(StoredEventFields.Extra);
    }

    public Money Money()
    {
        if (!_root.TryGetProperty(StoredEventFields.Amount, out JsonElement amount)
            || amount.ValueKind != JsonValueKind.Number
            || !amount.TryGetDecimal(out decimal value)
            || value < 0m
            || RequiredString(StoredEventFields.Currency) != Events.Money.Usd)
        {
            throw Invalid(StoredEventFields.Amount);
        }

        return Events.Money.InUsd(value);
    }

    private FormatException Invalid(string name) => new($"A stored {_typeName} has an invalid '{name}'.");
}
