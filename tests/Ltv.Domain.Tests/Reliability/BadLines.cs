using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// One NDJSON line for every rejection the reader and the validator decide, with the reason it must get.
/// Each line is one record on its own, whatever comes before or after it.
/// </summary>
internal static class BadLines
{
    private const string Time = "\"event_time\": \"2017-01-06T12:00:00Z\"";

    public static IReadOnlyList<(string Line, string Reason)> All { get; } =
    [
        ("42", RejectionReasons.NotAnObject),
        ("\"an event\"", RejectionReasons.NotAnObject),
        ($$"""{"type": "SITE_VISIT", "type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.DuplicateField),
        ($$"""{"verb": "NEW", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.MissingType),
        ($$"""{"type": 7, "verb": "NEW", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.InvalidType),
        ($$"""{"type": "SITE_VISIT", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.MissingVerb),
        ($$"""{"type": "SITE_VISIT", "verb": " ", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.InvalidVerb),
        ($$"""{"type": "SITE_VISIT", "verb": "NEW", "customer_id": "c", {{Time}}}""", RejectionReasons.MissingKey),
        ($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": 1.5, "customer_id": "c", {{Time}}}""", RejectionReasons.InvalidKey),
        ($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "{{new string('k', 257)}}", "customer_id": "c", {{Time}}}""", RejectionReasons.InvalidKey),
        ($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", {{Time}}}""", RejectionReasons.MissingCustomerId),
        ($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": true, {{Time}}}""", RejectionReasons.InvalidCustomerId),
        ("""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "c"}""", RejectionReasons.MissingEventTime),
        ("""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "c", "event_time": "2017-01-06:12:46.384Z"}""", RejectionReasons.InvalidEventTime),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}}""", RejectionReasons.MissingTotalAmount),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": "12,34 USD"}""", RejectionReasons.InvalidTotalAmount),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": 1e400}""", RejectionReasons.InvalidTotalAmount),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": 79228162514264337593543950335}""", RejectionReasons.InvalidTotalAmount),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": "-1.00 USD"}""", RejectionReasons.NegativeTotalAmount),
        ($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "c", {{Time}}, "last_name": 5}""", RejectionReasons.InvalidLastName),
        ($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "c", {{Time}}, "adr_city": []}""", RejectionReasons.InvalidCity),
        ($$$"""{"type": "CUSTOMER", "verb": "NEW", "key": "c", {{{Time}}}, "adr_state": {}}""", RejectionReasons.InvalidState),
        ($$"""{"type": "IMAGE", "verb": "UPLOAD", "key": "i", "customer_id": "c", {{Time}}, "camera_make": false}""", RejectionReasons.InvalidCameraMake),
        ($$"""{"type": "IMAGE", "verb": "UPLOAD", "key": "i", "customer_id": "c", {{Time}}, "camera_model": 80}""", RejectionReasons.InvalidCameraModel),
        ($$"""{"type": "PAGE_VIEW", "verb": "NEW", "key": "p", "customer_id": "c", {{Time}}}""", RejectionReasons.UnknownType("PAGE_VIEW")),
        ($$"""{"type": "ORDER", "verb": "UPLOAD", "key": "o", "customer_id": "c", {{Time}}, "total_amount": "1 USD"}""", RejectionReasons.UnsupportedVerb("UPLOAD", "ORDER")),
        ($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": "3.00 EUR"}""", RejectionReasons.UnsupportedCurrency("EUR")),
        ($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "c\u0000", {{Time}}}""", RejectionReasons.UnsupportedCharacter),
        ($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "c", {{Time}}, "last_name": "\ud800"}""", RejectionReasons.UnsupportedCharacter),
        ($$$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "c", {{{Time}}}, "tags": {"\udc00": 1}}""", RejectionReasons.UnsupportedCharacter),
        ("""{"type": "SITE_VISIT", "verb": "NEW", "key": """, RejectionReasons.InvalidJson),
        ("not JSON at all", RejectionReasons.InvalidJson),
        ("{'single': 'quotes'}", RejectionReasons.InvalidJson),
        ("""{"key": "bad escape \q"}""", RejectionReasons.InvalidJson),
    ];
}
