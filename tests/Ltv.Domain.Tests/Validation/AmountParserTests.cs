using System.Globalization;
using System.Text.Json;
using Ltv.Domain.Events;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Validation;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("\"12.34 USD\"", "12.34")]
    [InlineData("\"92 USD\"", "92")]
    [InlineData("\"0 USD\"", "0")]
    [InlineData("\"0.00 USD\"", "0")]
    [InlineData("\"012.30 USD\"", "12.3")]
    [InlineData("\"1234567.891 USD\"", "1234567.891")]
    [InlineData("12.34", "12.34")]
    [InlineData("92", "92")]
    [InlineData("1.2345E2", "123.45")]
    [InlineData("0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("\"-0 USD\"", "0")]
    [InlineData("\"1000000000000 USD\"", "1000000000000")]
    public void an_amount_with_a_dollar_code_or_a_json_number_is_taken_as_usd(string json, string dollars)
    {
        Parse(json, out Money amount).ShouldBeNull();

        amount.ShouldBe(Money.InUsd(decimal.Parse(dollars, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void a_bare_numeric_string_is_taken_as_usd_because_it_has_no_other_reading()
    {
        Parse("\"12.34\"", out Money amount).ShouldBeNull();

        amount.ShouldBe(Money.InUsd(12.34m));
    }

    [Theory]
    [InlineData("\"12.34 EUR\"", "unsupported currency EUR")]
    [InlineData("\"5 GBP\"", "unsupported currency GBP")]
    [InlineData("\"-5 EUR\"", "unsupported currency EUR")]
    [InlineData("\"-12.34 USD\"", "negative total_amount")]
    [InlineData("\"-12.34\"", "negative total_amount")]
    [InlineData("-0.01", "negative total_amount")]
    [InlineData("\"\"", "invalid total_amount")]
    [InlineData("\" \"", "invalid total_amount")]
    [InlineData("\"USD\"", "invalid total_amount")]
    [InlineData("\"USD 12.34\"", "invalid total_amount")]
    [InlineData("\"$12.34\"", "invalid total_amount")]
    [InlineData("\"12.34USD\"", "invalid total_amount")]
    [InlineData("\"12.34  USD\"", "invalid total_amount")]
    [InlineData("\"12.34 usd\"", "invalid total_amount")]
    [InlineData("\"12.34 US\"", "invalid total_amount")]
    [InlineData("\"12.34 EURO\"", "invalid total_amount")]
    [InlineData("\"12.34 USD \"", "invalid total_amount")]
    [InlineData("\"12,34 USD\"", "invalid total_amount")]
    [InlineData("\"1,234.56 USD\"", "invalid total_amount")]
    [InlineData("\"1e3 USD\"", "invalid total_amount")]
    [InlineData("\"+12 USD\"", "invalid total_amount")]
    [InlineData("\".5 USD\"", "invalid total_amount")]
    [InlineData("\"5. USD\"", "invalid total_amount")]
    [InlineData("\"1.2.3 USD\"", "invalid total_amount")]
    [InlineData("\"NaN\"", "invalid total_amount")]
    [InlineData("\"twelve\"", "invalid total_amount")]
    [InlineData("\"79228162514264337593543950336 USD\"", "invalid total_amount")]
    [InlineData("1e400", "invalid total_amount")]
    [InlineData("true", "invalid total_amount")]
    [InlineData("{}", "invalid total_amount")]
    [InlineData("[12.34]", "invalid total_amount")]
    [InlineData("null", "missing total_amount")]
    public void amounts_in_another_currency_negative_or_unreadable_are_rejected_with_their_reason(string json, string reason)
    {
        Parse(json, out _).ShouldBe(reason);
    }

    private static string? Parse(string json, out Money amount)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return AmountParser.TryParse(document.RootElement, out amount, out string? reason) ? null : reason;
    }
}
