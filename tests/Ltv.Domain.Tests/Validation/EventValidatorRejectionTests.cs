using Ltv.Domain.Validation;
using static Ltv.Domain.Tests.Validation.RawEvents;

namespace Ltv.Domain.Tests.Validation;

public sealed class EventValidatorRejectionTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("\"CUSTOMER\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void anything_but_an_object_is_not_an_event(string json)
    {
        Reject(json).ShouldBe("not an object");
    }

    [Fact]
    public void a_field_given_twice_has_no_single_reading()
    {
        Reject("""{"type": "ORDER", "type": "CUSTOMER", "verb": "NEW", "key": "k", "event_time": "2017-01-06T12:45:52Z"}""").ShouldBe("duplicate field");
    }

    [Theory]
    [InlineData(null, "missing type")]
    [InlineData("null", "missing type")]
    [InlineData("1", "invalid type")]
    [InlineData("[\"ORDER\"]", "invalid type")]
    [InlineData("\"REFUND\"", "unknown type REFUND")]
    [InlineData("\"\"", "invalid type")]
    [InlineData("\" \"", "invalid type")]
    public void the_type_must_be_one_of_the_four_known_strings(string? type, string reason)
    {
        Reject(With("ORDER", "type", type)).ShouldBe(reason);
    }

    [Theory]
    [InlineData("order")]
    [InlineData("Order")]
    [InlineData("ORDER ")]
    public void a_type_in_another_case_or_with_spaces_is_an_unknown_type_not_a_guess(string type)
    {
        Reject(With("ORDER", "type", $"\"{type}\"")).ShouldBe($"unknown type {type}");
    }

    [Fact]
    public void a_very_long_unknown_type_is_cut_in_the_reason()
    {
        Reject(With("ORDER", "type", $"\"{new string('X', 1000)}\"")).ShouldBe($"unknown type {new string('X', 32)}...");
    }

    [Theory]
    [InlineData("SITE_VISIT", "\"UPDATE\"", "unsupported verb UPDATE for SITE_VISIT")]
    [InlineData("ORDER", "\"UPLOAD\"", "unsupported verb UPLOAD for ORDER")]
    [InlineData("IMAGE", "\"NEW\"", "unsupported verb NEW for IMAGE")]
    [InlineData("CUSTOMER", "\"DELETE\"", "unsupported verb DELETE for CUSTOMER")]
    [InlineData("ORDER", "\"new\"", "unsupported verb new for ORDER")]
    [InlineData("ORDER", null, "missing verb")]
    [InlineData("ORDER", "null", "missing verb")]
    [InlineData("ORDER", "true", "invalid verb")]
    public void each_type_takes_only_its_own_verbs(string type, string? verb, string reason)
    {
        Reject(With(type, "verb", verb)).ShouldBe(reason);
    }

    [Theory]
    [InlineData("CUSTOMER")]
    [InlineData("SITE_VISIT")]
    [InlineData("IMAGE")]
    [InlineData("ORDER")]
    public void every_type_needs_a_key_that_is_a_non_blank_string_or_an_integer(string type)
    {
        Reject(With(type, "key", null)).ShouldBe("missing key");
        Reject(With(type, "key", "null")).ShouldBe("missing key");
        Reject(With(type, "key", "\"\"")).ShouldBe("invalid key");
        Reject(With(type, "key", "\"  \"")).ShouldBe("invalid key");
        Reject(With(type, "key", "12.5")).ShouldBe("invalid key");
        Reject(With(type, "key", "1e3")).ShouldBe("invalid key");
        Reject(With(type, "key", "3.0")).ShouldBe("invalid key");
        Reject(With(type, "key", "true")).ShouldBe("invalid key");
        Reject(With(type, "key", "{\"id\": 1}")).ShouldBe("invalid key");
        Reject(With(type, "key", "[1]")).ShouldBe("invalid key");
    }

    [Theory]
    [InlineData("SITE_VISIT")]
    [InlineData("IMAGE")]
    [InlineData("ORDER")]
    public void activity_needs_the_customer_id_it_belongs_to(string type)
    {
        Reject(With(type, "customer_id", null)).ShouldBe("missing customer_id");
        Reject(With(type, "customer_id", "null")).ShouldBe("missing customer_id");
        Reject(With(type, "customer_id", "\"\"")).ShouldBe("invalid customer_id");
        Reject(With(type, "customer_id", "1.5")).ShouldBe("invalid customer_id");
        Reject(With(type, "customer_id", "false")).ShouldBe("invalid customer_id");
        Reject(With(type, "customer_id", "{}")).ShouldBe("invalid customer_id");
    }

    [Theory]
    [InlineData("CUSTOMER")]
    [InlineData("SITE_VISIT")]
    [InlineData("IMAGE")]
    [InlineData("ORDER")]
    public void every_type_needs_a_readable_event_time(string type)
    {
        Reject(With(type, "event_time", null)).ShouldBe("missing event_time");
        Reject(With(type, "event_time", "null")).ShouldBe("missing event_time");
        Reject(With(type, "event_time", "\"2017-01-06:12:46.384Z\"")).ShouldBe("invalid event_time");
        Reject(With(type, "event_time", "\"2017-01-06:12:55.55.555Z\"")).ShouldBe("invalid event_time");
        Reject(With(type, "event_time", "\"2017-02-30T00:00:00Z\"")).ShouldBe("invalid event_time");
        Reject(With(type, "event_time", "1483706752")).ShouldBe("invalid event_time");
    }

    [Theory]
    [InlineData(null, "missing total_amount")]
    [InlineData("null", "missing total_amount")]
    [InlineData("\"\"", "invalid total_amount")]
    [InlineData("\"twelve\"", "invalid total_amount")]
    [InlineData("\"-1 USD\"", "negative total_amount")]
    [InlineData("\"12.34 EUR\"", "unsupported currency EUR")]
    [InlineData("\"1e999 USD\"", "invalid total_amount")]
    [InlineData("true", "invalid total_amount")]
    public void an_order_needs_a_total_amount_in_dollars_that_is_not_negative(string? amount, string reason)
    {
        Reject(With("ORDER", "total_amount", amount)).ShouldBe(reason);
        Reject(With("ORDER", "total_amount", amount).Replace("\"NEW\"", "\"UPDATE\"", StringComparison.Ordinal)).ShouldBe(reason);
    }

    [Theory]
    [InlineData("CUSTOMER", "last_name", "invalid last_name")]
    [InlineData("CUSTOMER", "adr_city", "invalid adr_city")]
    [InlineData("CUSTOMER", "adr_state", "invalid adr_state")]
    [InlineData("IMAGE", "camera_make", "invalid camera_make")]
    [InlineData("IMAGE", "camera_model", "invalid camera_model")]
    public void an_optional_text_field_of_another_json_kind_is_rejected(string type, string field, string reason)
    {
        Reject(With(type, field, "42")).ShouldBe(reason);
        Reject(With(type, field, "[\"Smith\"]")).ShouldBe(reason);
        Reject(With(type, field, "false")).ShouldBe(reason);
    }

    [Fact]
    public void the_first_broken_rule_in_design_order_is_the_reason()
    {
        Reject("""{"type": "ORDER", "verb": "NEW"}""").ShouldBe("missing key");
        Reject("""{"type": "ORDER", "verb": "NEW", "key": "k"}""").ShouldBe("missing customer_id");
        Reject("""{"type": "ORDER", "verb": "NEW", "key": "k", "customer_id": "c"}""").ShouldBe("missing event_time");
        Reject("""{"type": "ORDER", "verb": "NEW", "key": "k", "customer_id": "c", "event_time": "2017-01-06T12:45:52Z"}""").ShouldBe("missing total_amount");
        Reject("""{"verb": "NOPE"}""").ShouldBe("missing type");
        Reject("""{"type": "ORDER"}""").ShouldBe("missing verb");
    }

    [Fact]
    public void every_fixed_reason_the_validator_gives_is_listed_once()
    {
        RejectionReasons.Fixed.Distinct(StringComparer.Ordinal).Count().ShouldBe(RejectionReasons.Fixed.Count);
        RejectionReasons.Fixed.ShouldContain("invalid last_name");
        RejectionReasons.Templates.ShouldBe(["unknown type {type}", "unsupported verb {verb} for {type}", "unsupported currency {currency}"]);
        RejectionReasons.UnsupportedCurrency("EUR").ShouldStartWith(RejectionReasons.UnsupportedCurrencyPrefix);
    }
}
