using System.Text.Json;
using Ltv.Domain.Lifetime;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>Faults the reliability tests found in validation, each pinned under the name of the bug.</summary>
public sealed class ValidationRegressionTests
{
    private const string Time = "\"event_time\": \"2017-01-06T12:00:00Z\"";

    private static ValidationResult Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventValidator.Validate(document.RootElement);
    }

    private static string ReasonOf(string json) => Validate(json).ShouldBeOfType<ValidationResult.Rejected>().Reason;

    [Theory]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "a\u0000b", "event_time": "2017-01-06T12:00:00Z"}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z", "last_name": "\u0000"}""")]
    [InlineData("""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "c", "event_time": "2017-01-06T12:00:00Z", "tags": [{"x": "\u0000"}]}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z", "\u0000": 1}""")]
    public void bug_a_nul_escape_in_any_string_was_accepted_and_then_failed_its_whole_batch_in_postgresql(string json)
    {
        ReasonOf(json).ShouldBe(RejectionReasons.UnsupportedCharacter);
    }

    [Theory]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "\ud800", "event_time": "2017-01-06T12:00:00Z"}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z", "last_name": "a\udc00b"}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z", "last_name": "\ud83d\u0041"}""")]
    [InlineData("""{"type": "\ud83d", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z"}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "c", "event_time": "2017-01-06T12:00:00Z", "\udbff": 1}""")]
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "\uD800", "event_time": "2017-01-06T12:00:00Z"}""")] // upper-case hex
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "\udfff", "event_time": "2017-01-06T12:00:00Z"}""")] // the last second half
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "\ud9ff", "event_time": "2017-01-06T12:00:00Z"}""")] // a digit 9 in the middle
    [InlineData("""{"type": "CUSTOMER", "verb": "NEW", "key": "\udaff", "event_time": "2017-01-06T12:00:00Z"}""")] // a letter a in the middle
    public void bug_half_a_surrogate_pair_made_the_validator_throw_and_stopped_the_ingest(string json)
    {
        ReasonOf(json).ShouldBe(RejectionReasons.UnsupportedCharacter);
    }

    [Fact]
    public void whole_surrogate_pairs_and_escaped_backslashes_are_still_accepted()
    {
        var json = """{"type": "CUSTOMER", "verb": "NEW", "key": "\ud83d\ude00 \\u0000", "event_time": "2017-01-06T12:00:00Z", "last_name": "\uD83D\uDE00"}""";

        Validate(json).ShouldBeOfType<ValidationResult.Accepted>().Event.CustomerId.Value.ShouldBe("\U0001F600 \\u0000");
    }

    [Theory]
    [InlineData("""\uDBFF\uDFFF""", "\U0010FFFF")] // the last pair, in upper-case hex
    [InlineData("""\ud7ff\ue000""", "\ud7ff\ue000")] // the characters either side of the surrogates
    public void escapes_of_whole_pairs_and_of_characters_next_to_the_surrogates_are_accepted(string escaped, string key)
    {
        var json = $$"""{"type": "CUSTOMER", "verb": "NEW", "key": "{{escaped}}", "event_time": "2017-01-06T12:00:00Z"}""";

        Validate(json).ShouldBeOfType<ValidationResult.Accepted>().Event.CustomerId.Value.ShouldBe(key);
    }

    [Fact]
    public void bug_an_id_longer_than_an_index_entry_was_accepted_and_then_failed_its_whole_batch()
    {
        var atLimit = new string('k', EventValidator.MaxIdBytes);
        var over = atLimit + "k";
        var overInBytes = new string('é', (EventValidator.MaxIdBytes / 2) + 1);

        Validate($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "{{atLimit}}", "customer_id": "{{atLimit}}", {{Time}}}""")
            .ShouldBeOfType<ValidationResult.Accepted>();
        ReasonOf($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "{{over}}", "customer_id": "c", {{Time}}}""").ShouldBe(RejectionReasons.InvalidKey);
        ReasonOf($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p", "customer_id": "{{overInBytes}}", {{Time}}}""").ShouldBe(RejectionReasons.InvalidCustomerId);
        ReasonOf($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "{{over}}", {{Time}}}""").ShouldBe(RejectionReasons.InvalidKey);
    }

    [Theory]
    [InlineData("\"1000000000000.01 USD\"")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("\"79228162514264337593543950335\"")]
    public void bug_an_amount_near_decimal_max_was_accepted_and_then_every_query_of_its_customer_overflowed(string amount)
    {
        ReasonOf($$"""{"type": "ORDER", "verb": "NEW", "key": "o", "customer_id": "c", {{Time}}, "total_amount": {{amount}}}""")
            .ShouldBe(RejectionReasons.InvalidTotalAmount);
    }

    [Fact]
    public void the_largest_amount_accepted_still_ranks_with_the_longest_lifespan()
    {
        var id = new Ltv.Domain.Customers.CustomerId("c");
        var orders = Enumerable.Range(0, 1000).Select(i => new Ltv.Domain.Events.CustomerEvent.OrderPlaced(
            id, $"o{i}", DateTimeOffset.UnixEpoch, Ltv.Domain.Events.Money.InUsd(AmountParser.MaxAmount)));

        var top = LtvRanking.Top([CustomerLifetime.From(id, orders)], new LtvSettings(Timeframe.Customer, LtvSettings.MaxLifespanYears), 1);

        // 1,000 orders of a trillion dollars in one week, for 1,000 years: 52 x 1e15 x 1000 / 1 = 5.2e19, far within range.
        top.ShouldHaveSingleItem().Ltv.ShouldBe(52_000_000_000_000_000_000m);
    }

    [Fact]
    public void bug_a_lifespan_so_long_that_52_x_revenue_x_t_overflowed_decimal_was_accepted()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new LtvSettings(Timeframe.Dataset, LtvSettings.MaxLifespanYears + 0.01m));
        new LtvSettings(Timeframe.Dataset, LtvSettings.MaxLifespanYears).LifespanYears.ShouldBe(1000m);
    }

    [Fact]
    public void bug_a_rejection_reason_could_cut_a_surrogate_pair_in_two()
    {
        var type = new string('T', 31) + "\U0001F600";

        var reason = RejectionReasons.UnknownType(type);

        reason.ShouldBe(RejectionReasons.UnknownTypePrefix + new string('T', 31) + "...");
    }
}
