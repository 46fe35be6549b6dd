namespace Ltv.Domain.Validation;

/// <summary>
/// Every reason an event can be rejected for. Reasons are short, stable and categorical, because
/// ingest summaries count events per reason and people re-process rejections by reason: a reason
/// names the rule that failed, never the offending value, except for the three parameterised
/// reasons below whose value is a category of its own (an unknown type, a verb, a currency).
/// </summary>
public static class RejectionReasons
{
    public const string NotAnObject = "not an object";

    /// <summary>A string holds U+0000 or half of a surrogate pair (<c>\u0000</c>, <c>\ud800</c>), which PostgreSQL cannot store.</summary>
    public const string UnsupportedCharacter = "unsupported character";

    public const string DuplicateField = "duplicate field";
    public const string MissingType = "missing type";
    public const string InvalidType = "invalid type";
    public const string MissingVerb = "missing verb";
    public const string InvalidVerb = "invalid verb";
    public const string MissingKey = "missing key";
    public const string InvalidKey = "invalid key";
    public const string MissingCustomerId = "missing customer_id";
    public const string InvalidCustomerId = "invalid customer_id";
    public const string MissingEventTime = "missing event_time";
    public const string InvalidEventTime = "invalid event_time";
    public const string MissingTotalAmount = "missing total_amount";
    public const string InvalidTotalAmount = "invalid total_amount";
    public const string NegativeTotalAmount = "negative total_amount";
    public const string InvalidLastName = "invalid last_name";
    public const string InvalidCity = "invalid adr_city";
    public const string InvalidState = "invalid adr_state";
    public const string InvalidCameraMake = "invalid camera_make";
    public const string InvalidCameraModel = "invalid camera_model";

    // Decided outside the validator (by the input reader and the event store), listed here so that
    // every reason a user can see is in one place.
    public const string InvalidJson = "invalid JSON";
    public const string ConflictingDuplicate = "conflicting duplicate";

    public const string UnknownTypePrefix = "unknown type ";
    public const string UnsupportedVerbPrefix = "unsupported verb ";
    public const string UnsupportedCurrencyPrefix = "unsupported currency ";

    // A user-supplied value inside a reason is cut, so a megabyte "type" cannot become a megabyte reason.
    private const int MaxValueLength = 32;

    /// <summary>The reasons that take no value.</summary>
    public static IReadOnlyList<string> Fixed { get; } =
    [
        NotAnObject, UnsupportedCharacter, DuplicateField,
        MissingType, InvalidType, MissingVerb, InvalidVerb,
        MissingKey, InvalidKey, MissingCustomerId, InvalidCustomerId,
        MissingEventTime, InvalidEventTime,
        MissingTotalAmount, InvalidTotalAmount, NegativeTotalAmount,
        InvalidLastName, InvalidCity, InvalidState, InvalidCameraMake, InvalidCameraModel,
        InvalidJson, ConflictingDuplicate,
    ];

    /// <summary>The shapes of the reasons that take a value, for documentation.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        UnknownTypePrefix + "{type}",
        UnsupportedVerbPrefix + "{verb} for {type}",
        UnsupportedCurrencyPrefix + "{currency}",
    ];

    public static string UnknownType(string type) => UnknownTypePrefix + Shorten(type);

    public static string UnsupportedVerb(string verb, string type) => $"{UnsupportedVerbPrefix}{Shorten(verb)} for {type}";

    public static string UnsupportedCurrency(string currency) => UnsupportedCurrencyPrefix + Shorten(currency);

    // Never cuts a surrogate pair in two: half a pair is a string PostgreSQL cannot store.
    private static string Shorten(string value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }

        int length = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return string.Concat(value.AsSpan(0, length), "...");
    }
}
