using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;
using static Ltv.Domain.Validation.ValidationResult;
using N = Ltv.Domain.Validation.RawFieldNames;

namespace Ltv.Domain.Validation;

/// <summary>
/// Turns one raw event object into a domain event, or into the reason it cannot be one
/// (DESIGN.md "Input"). Rules are checked in a fixed order and the first failure is the reason:
/// object shape (an object, every string storable, no field twice), type, verb, key, customer_id, event_time, then the type's own fields in the order
/// they are listed in the design. Type and verb are exact and case-sensitive ("order" is an unknown type).
/// </summary>
public static class EventValidator
{
    private static readonly HashSet<string> Common = [N.Type, N.Verb, N.Key, N.EventTime];
    private static readonly IReadOnlySet<string> CustomerFields = Known(N.LastName, N.City, N.State);
    private static readonly IReadOnlySet<string> SiteVisitFields = Known(N.CustomerId, N.Tags);
    private static readonly IReadOnlySet<string> ImageFields = Known(N.CustomerId, N.CameraMake, N.CameraModel);
    private static readonly IReadOnlySet<string> OrderFields = Known(N.CustomerId, N.TotalAmount);

    /// <summary>
    /// The longest id (<c>key</c>, <c>customer_id</c>) accepted, in UTF-8 bytes. Ids are indexed, and a PostgreSQL index
    /// entry holds at most 2,704 bytes: a longer id would fail its whole batch.
    /// </summary>
    public const int MaxIdBytes = RawEventFields.MaxIdBytes;

    public static ValidationResult Validate(JsonElement rawObject)
    {
        if (rawObject.ValueKind != JsonValueKind.Object)
        {
            return new Rejected(RejectionReasons.NotAnObject);
        }

        // First: reading a field name or value with half a surrogate pair would throw.
        if (!StorableText.IsStorable(rawObject))
        {
            return new Rejected(RejectionReasons.UnsupportedCharacter);
        }

        if (!RawEventFields.TryCollect(rawObject, out RawEventFields? fields))
        {
            return new Rejected(RejectionReasons.DuplicateField);
        }

        if (!fields.TryName(N.Type, out string? type, out string? reason)
            || !fields.TryName(N.Verb, out string? verb, out reason))
        {
            return new Rejected(reason);
        }

        return type switch
        {
            EventTypes.Customer => verb is EventVerbs.New or EventVerbs.Update
                ? Customer(fields, isUpdate: verb == EventVerbs.Update)
                : Unsupported(verb, type),
            EventTypes.SiteVisit => verb == EventVerbs.New ? SiteVisit(fields) : Unsupported(verb, type),
            EventTypes.Image => verb == EventVerbs.Upload ? Image(fields) : Unsupported(verb, type),
            EventTypes.Order => verb is EventVerbs.New or EventVerbs.Update
                ? Order(fields, isUpdate: verb == EventVerbs.Update)
                : Unsupported(verb, type),
            _ => new Rejected(RejectionReasons.UnknownType(type)),
        };
    }

    private static ValidationResult Customer(RawEventFields fields, bool isUpdate)
    {
        // A CUSTOMER event's key is the customer id: its stream is its own key.
        if (!fields.TryId(N.Key, out string? key, out string? reason)
            || !fields.TryEventTime(out DateTimeOffset time, out reason)
            || !fields.TryOptionalText(N.LastName, out string? lastName, out reason)
            || !fields.TryOptionalText(N.City, out string? city, out reason)
            || !fields.TryOptionalText(N.State, out string? state, out reason))
        {
            return new Rejected(reason);
        }

        var customerId = new CustomerId(key);
        string? extra = fields.Extra(CustomerFields);
        return new Accepted(isUpdate
            ? new CustomerDetailsChanged(customerId, time, lastName, city, state, extra)
            : new CustomerRegistered(customerId, time, lastName, city, state, extra));
    }

    private static ValidationResult SiteVisit(RawEventFields fields)
    {
        if (!TryCommon(fields, out string? key, out CustomerId customerId, out DateTimeOffset time, out string? reason))
        {
            return new Rejected(reason);
        }

        // Tags are any JSON: there is nothing in them to reject.
        return new Accepted(new SiteVisited(customerId, key, time, fields.OptionalJson(N.Tags), fields.Extra(SiteVisitFields)));
    }

    private static ValidationResult Image(RawEventFields fields)
    {
        if (!TryCommon(fields, out string? key, out CustomerId customerId, out DateTimeOffset time, out string? reason)
            || !fields.TryOptionalText(N.CameraMake, out string? make, out reason)
            || !fields.TryOptionalText(N.CameraModel, out string? model, out reason))
        {
            return new Rejected(reason);
        }

        return new Accepted(new ImageUploaded(customerId, key, time, make, model, fields.Extra(ImageFields)));
    }

    private static ValidationResult Order(RawEventFields fields, bool isUpdate)
    {
        if (!TryCommon(fields, out string? key, out CustomerId customerId, out DateTimeOffset time, out string? reason)
            || !fields.TryAmount(out Money amount, out reason))
        {
            return new Rejected(reason);
        }

        string? extra = fields.Extra(OrderFields);
        return new Accepted(isUpdate
            ? new OrderAmended(customerId, key, time, amount, extra)
            : new OrderPlaced(customerId, key, time, amount, extra));
    }

    // key, customer_id and event_time, in that order, for the types whose stream is named by customer_id.
    private static bool TryCommon(
        RawEventFields fields,
        [NotNullWhen(true)] out string? key,
        out CustomerId customerId,
        out DateTimeOffset time,
        [NotNullWhen(false)] out string? reason)
    {
        customerId = default;
        time = default;
        if (!fields.TryId(N.Key, out key, out reason)
            || !fields.TryId(N.CustomerId, out string? customer, out reason)
            || !fields.TryEventTime(out time, out reason))
        {
            return false;
        }

        customerId = new CustomerId(customer);
        return true;
    }

    private static Rejected Unsupported(string verb, string type) => new(RejectionReasons.UnsupportedVerb(verb, type));

    private static HashSet<string> Known(params string[] names) => [.. Common, .. names];
}
