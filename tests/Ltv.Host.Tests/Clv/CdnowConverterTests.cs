using Ltv.Host.Cdnow;

namespace Ltv.Host.Tests.Clv;

public sealed class CdnowConverterTests
{
    private static async Task<(CdnowConversion Written, string[] Lines)> Convert(string input)
    {
        using var reader = new StringReader(input);
        await using var writer = new StringWriter { NewLine = "\n" };
        var written = await CdnowConverter.ConvertAsync(reader, writer, default);
        return (written, writer.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task a_sample_customer_becomes_a_customer_event_at_the_first_purchase_and_one_order_per_record()
    {
        var (written, lines) = await Convert(" 00004 0001 19970118  2   29.73\n 00004 0001 19970101  2   29.33\n\n 00004 0001 19970101  1    9.00\n");

        written.ShouldBe(new CdnowConversion(1, 3));
        lines.ShouldBe([
            """{"type": "CUSTOMER", "verb": "NEW", "key": "1", "event_time": "1997-01-01T00:00:00Z", "cdnow_master_id": "00004"}""",
            """{"type": "ORDER", "verb": "NEW", "key": "1-19970118-1", "event_time": "1997-01-18T00:00:00Z", "customer_id": "1", "total_amount": "29.73 USD", "cd_count": 2}""",
            """{"type": "ORDER", "verb": "NEW", "key": "1-19970101-1", "event_time": "1997-01-01T00:00:00Z", "customer_id": "1", "total_amount": "29.33 USD", "cd_count": 2}""",
            """{"type": "ORDER", "verb": "NEW", "key": "1-19970101-2", "event_time": "1997-01-01T00:00:00Z", "customer_id": "1", "total_amount": "9.00 USD", "cd_count": 1}""",
        ]);
    }

    [Fact]
    public async Task the_four_column_master_file_names_customers_by_their_only_id()
    {
        var (written, lines) = await Convert("00007 19970101 1 0.00\n");

        written.ShouldBe(new CdnowConversion(1, 1));
        lines[0].ShouldBe("""{"type": "CUSTOMER", "verb": "NEW", "key": "7", "event_time": "1997-01-01T00:00:00Z"}""");
        lines[1].ShouldContain("\"total_amount\": \"0.00 USD\"");
    }

    [Theory]
    [InlineData("00004 0001 1997010 2 29.33", "line 2: date '1997010' is not yyyymmdd")]
    [InlineData("00004 abc 19970101 2 1.00", "line 2: customer id 'abc' is not a number")]
    [InlineData("00004 19970101 2", "line 2: expected 4 or 5 columns (CDNOW master or sample), found 3")]
    [InlineData("00004 0001 19970101 2 -3.00", "line 2: dollar value '-3.00' is not a non-negative number")]
    [InlineData("00004", "line 2: expected 4 or 5 columns (CDNOW master or sample), found 1")]
    public async Task a_malformed_line_is_reported_with_its_number(string bad, string message)
    {
        var error = await Should.ThrowAsync<CdnowFormatException>(() => Convert(" 00004 0001 19970101 2 29.33\n" + bad + "\n"));

        error.Message.ShouldBe(message);
    }

    [Fact]
    public async Task converting_the_same_file_twice_gives_the_same_events()
    {
        var sample = await File.ReadAllTextAsync(CdnowPublished.Sample);

        var first = await Convert(sample);
        var second = await Convert(sample);

        first.Written.ShouldBe(new CdnowConversion(2357, 6919));
        second.Lines.ShouldBe(first.Lines);
        first.Lines.Where(l => l.Contains("\"ORDER\"", StringComparison.Ordinal)).Select(l => l.Split("\"key\": ")[1].Split(',')[0]).Distinct().Count().ShouldBe(6919);
    }
}
