using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class LineRecoveryTests
{
    [Fact]
    public async Task a_malformed_ndjson_line_is_rejected_and_reading_goes_on()
    {
        string input = "{\"n\":1}\n{\"n\" 2}\n{\"n\":3}\n";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records.Texts().ShouldBe(["""{"n":1}""", """{"n" 2}""", """{"n":3}"""]);
        records[1].ByteOffset.ShouldBe(8);
        records[1].Problem.ShouldBe("invalid JSON at line 2: '2' is invalid after a property name. Expected a ':'");
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task a_malformed_line_is_kept_without_its_crlf()
    {
        var records = await Records.Of("{\"n\":1}\r\n{oops}\r\n{\"n\":3}\r\n");

        records[1].Text.ShouldBe("{oops}");
        records[1].Kind.ShouldBe(RawRecordKind.Malformed);
        records[2].Text.ShouldBe("""{"n":3}""");
    }

    [Fact]
    public async Task a_truncated_ndjson_line_is_rejected_and_the_next_line_is_read()
    {
        string input = "{\"n\":1}\n{\"n\":2,\"t\":\"2017-01\n{\"n\":3}\n";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].Text.ShouldBe("{\"n\":2,\"t\":\"2017-01");
        records[2].Text.ShouldBe("""{"n":3}""");
    }

    [Fact]
    public async Task a_cut_off_line_that_runs_into_the_next_lines_rejects_only_itself()
    {
        // Read on as JSON, the cut-off value would take the next line as its member's value.
        string input = "{\"n\":1}\n{\"n\":2,\"next\":\n{\"n\":3}\n{\"n\":4}\n";

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", "{\"n\":2,\"next\":", """{"n":3}""", """{"n":4}"""]);
        records[1].Kind.ShouldBe(RawRecordKind.Malformed);
        records[1].Problem.ShouldBe("invalid JSON at line 2: the line ends before the value is complete");
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task a_truncated_last_line_without_a_line_feed_is_rejected()
    {
        var records = await Records.Of("{\"n\":1}\n{\"n\":");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed]);
        records[1].Text.ShouldBe("{\"n\":");
        records[1].Problem.ShouldBe("invalid JSON at line 2: the input ends before the value is complete");
    }

    [Fact]
    public async Task invalid_utf8_inside_a_string_rejects_that_line_and_its_neighbours_are_read()
    {
        byte[] input = [.. Records.Utf8("{\"n\":1}\n{\"s\":\""), 0xC3, 0x28, .. Records.Utf8("\"}\n{\"n\":3}\n")];

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].Utf8.ShouldBe(input[8..18]);
        records[1].Problem.ShouldBe("invalid JSON at line 2: invalid UTF-8 at byte 14");
        records[2].Text.ShouldBe("""{"n":3}""");
    }

    [Fact]
    public async Task invalid_utf8_in_an_array_element_rejects_only_that_element()
    {
        byte[] input = [.. Records.Utf8("[{\"n\":1},{\"s\":\""), 0xFF, .. Records.Utf8("\"},{\"n\":3}]")];

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].ByteOffset.ShouldBe(9);
        records.ShouldHoldFor(input);
    }

    [Fact]
    public async Task text_that_is_not_json_is_rejected_line_by_line_as_malformed()
    {
        var records = await Records.Of("hello\nworld, not json\n");

        records.Kinds().ShouldBe([RawRecordKind.Malformed, RawRecordKind.Malformed]);
        records.Texts().ShouldBe(["hello", "world, not json"]);
        records[0].Problem.ShouldBe("invalid JSON at line 1: 'h' is an invalid start of a value");
        records[1].ByteOffset.ShouldBe(6);
    }

    [Fact]
    public async Task a_comma_after_an_ndjson_line_is_rejected_on_its_own()
    {
        var records = await Records.Of("{\"n\":1},\n{\"n\":2}\n");

        records.Texts().ShouldBe(["""{"n":1}""", ",", """{"n":2}"""]);
        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
    }

    [Fact]
    public async Task a_line_nested_deeper_than_64_levels_is_rejected_without_throwing_and_reading_goes_on()
    {
        string deep = new string('[', 65) + new string(']', 65);
        string input = $"{{\"n\":1}}\n{{\"deep\":{deep}}}\n{{\"n\":3}}\n";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].Problem.ShouldBe("invalid JSON at line 2: the value is nested deeper than 64 levels");
        records[1].Text.ShouldStartWith("{\"deep\":[[[");
    }

    [Fact]
    public async Task nesting_of_exactly_64_levels_is_accepted_at_top_level_and_inside_an_array()
    {
        string deepest = "{\"deep\":" + new string('[', 63) + new string(']', 63) + "}";

        var records = await Records.Of($"{deepest}\n[{deepest}]");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object]);
    }

    [Fact]
    public async Task pathologically_deep_input_is_rejected_without_throwing()
    {
        var records = await Records.Of(new string('[', 100_000) + "\n{\"n\":1}");

        records[0].Kind.ShouldBe(RawRecordKind.Fatal);
        records.Count.ShouldBe(1);
    }
}
