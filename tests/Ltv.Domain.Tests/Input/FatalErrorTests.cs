using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class FatalErrorTests
{
    [Fact]
    public async Task an_array_cut_off_mid_object_yields_its_earlier_elements_then_a_fatal_record_at_the_unfinished_one()
    {
        string input = "[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3,\"t\":\"2017";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Fatal]);
        records[2].ByteOffset.ShouldBe(20);
        records[2].Text.ShouldBe("{\"n\":3,\"t\":\"2017");
        records[2].Problem!.ShouldEndWith("— the rest of the input was not read");
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task an_array_cut_off_after_a_comma_ends_with_an_empty_fatal_record_at_the_end()
    {
        var records = await Records.Of("[{\"n\":1},\n");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Fatal]);
        records[1].ByteOffset.ShouldBe(10);
        records[1].Text.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_missing_comma_in_an_array_is_fatal_at_the_element_after_it()
    {
        string input = "[{\"n\":1},\n {\"n\":2}\n {\"n\":3}]";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Fatal]);
        records[2].ByteOffset.ShouldBe(20);
        records[2].Text.ShouldBe("{\"n\":3}]");
        records[2].Problem.ShouldBe(
            "invalid JSON at byte 20 (line 3): '{' is invalid after a value. Expected either ',', '}', or ']' — the rest of the input was not read");
    }

    [Fact]
    public async Task the_fatal_problem_names_the_offending_byte_and_line()
    {
        string input = "[\n  {\"n\":1},\n  {\"n\":2, \"t\": x}\n]";

        var records = await Records.Of(input);

        records[^1].Kind.ShouldBe(RawRecordKind.Fatal);
        records[^1].ByteOffset.ShouldBe(input.IndexOf("{\"n\":2", StringComparison.Ordinal));
        records[^1].Problem.ShouldBe(
            $"invalid JSON at byte {input.IndexOf('x', StringComparison.Ordinal)} (line 3): 'x' is an invalid start of a value — the rest of the input was not read");
    }

    [Fact]
    public async Task a_syntax_error_after_a_multi_line_object_is_fatal()
    {
        string input = "{\n \"n\": 1\n}\n{\"n\":2}\n{broken\n{\"n\":4}\n";

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Fatal]);
        records[2].ByteOffset.ShouldBe(20);
        records[2].Text.ShouldBe("{broken\n{\"n\":4}\n");
    }

    [Fact]
    public async Task a_broken_pretty_printed_first_object_is_fatal_rather_than_skipped_line_by_line()
    {
        var records = await Records.Of("{\n  \"n\": 1,\n  \"t\": }\n{\"n\":2}\n");

        records.Kinds().ShouldBe([RawRecordKind.Fatal]);
        records[0].ByteOffset.ShouldBe(0);
        records[0].Problem!.ShouldStartWith("invalid JSON at byte 19 (line 3): '}'");
    }

    [Fact]
    public async Task a_syntax_error_inside_a_one_line_array_is_fatal_even_in_line_oriented_input()
    {
        var records = await Records.Of("{\"n\":1}\n[{\"n\":2}, nope]\n{\"n\":3}\n");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Fatal]);
        records[2].ByteOffset.ShouldBe(18);
    }

    [Fact]
    public async Task nesting_deeper_than_64_levels_inside_an_array_is_fatal_without_throwing()
    {
        string deep = "{\"deep\":" + new string('[', 64) + new string(']', 64) + "}";

        var records = await Records.Of($"[{{\"n\":1}},\n{deep}]");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Fatal]);
        records[1].Problem!.ShouldContain("the value is nested deeper than 64 levels");
        records[1].ByteOffset.ShouldBe(10);
    }

    [Fact]
    public async Task fatal_text_is_cut_at_the_configured_limit()
    {
        string input = "[{\"n\":1},{broken" + new string(' ', 500) + "{\"n\":3}]";

        var records = await Records.Of(input, new RawReaderOptions(MaxFatalTextBytes: 100, ChunkBytes: 16));

        records[^1].Kind.ShouldBe(RawRecordKind.Fatal);
        records[^1].Utf8.Length.ShouldBe(100);
        records[^1].Text.ShouldStartWith("{broken");
    }

    [Fact]
    public async Task a_stray_closing_bracket_after_an_array_spanning_lines_is_fatal()
    {
        var records = await Records.Of("[\n{\"n\":1}\n]\n]\n{\"n\":2}");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Fatal]);
        records[1].ByteOffset.ShouldBe(12);
        records[1].Text.ShouldBe("]\n{\"n\":2}");
    }
}
