using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class InputFormatTests
{
    [Fact]
    public async Task a_json_array_yields_each_element_as_an_object()
    {
        var records = await Records.Of("""[{"key":"a"}, {"key":"b"},{"key":"c"}]""");

        records.Texts().ShouldBe(["""{"key":"a"}""", """{"key":"b"}""", """{"key":"c"}"""]);
        records.Kinds().ShouldAllBe(kind => kind == RawRecordKind.Object);
    }

    [Fact]
    public async Task ndjson_yields_one_object_per_line()
    {
        var records = await Records.Of("{\"key\":\"a\"}\n{\"key\":\"b\"}\n{\"key\":\"c\"}\n");

        records.Texts().ShouldBe(["""{"key":"a"}""", """{"key":"b"}""", """{"key":"c"}"""]);
        records.Select(r => r.Problem).ShouldAllBe(problem => problem == null);
    }

    [Fact]
    public async Task pretty_printed_objects_one_after_another_are_each_read_with_their_inner_layout()
    {
        string first = "{\n  \"key\": \"a\",\n  \"tags\": [ 1,\n 2 ]\n}";
        string second = "{\n\t\"key\": \"b\"\n}";

        var records = await Records.Of($"{first}\n{second}\n");

        records.Texts().ShouldBe([first, second]);
    }

    [Fact]
    public async Task several_arrays_in_one_file_are_read_in_order()
    {
        var records = await Records.Of("[{\"n\":1},{\"n\":2}]\n[{\"n\":3}]\n[]\n[{\"n\":4}]");

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}"""]);
        records.Select(r => r.Index).ShouldBe([0L, 1L, 2L, 3L]);
    }

    [Fact]
    public async Task arrays_lines_and_pretty_printed_objects_mixed_in_one_file_are_all_read()
    {
        string input = "{\"n\":1}\n{\"n\":2}\n[{\"n\":3},\n {\"n\":4}]\n{\n \"n\": 5\n}\n{\"n\":6}";

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}""", "{\n \"n\": 5\n}", """{"n":6}"""]);
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task crlf_line_ends_and_stray_tabs_are_whitespace()
    {
        string input = "[\r\n\t{\"n\":1},\t\r\n{\"n\":2}\r\n]\r\n\t{\"n\":3}\r\n";

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}"""]);
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task a_utf8_byte_order_mark_is_skipped_and_still_counted_in_byte_offsets()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Records.Utf8("{\"n\":1}\n{\"n\":2}")];

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}"""]);
        records.Select(r => r.ByteOffset).ShouldBe([3L, 11L]);
    }

    [Fact]
    public async Task a_byte_order_mark_alone_yields_nothing()
    {
        (await Records.Of([0xEF, 0xBB, 0xBF])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n\t \n\n")]
    public async Task an_empty_or_whitespace_only_input_yields_nothing(string input)
    {
        (await Records.Of(input)).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_empty_array_yields_nothing()
    {
        (await Records.Of("[]\n[ ]")).ShouldBeEmpty();
    }

    [Fact]
    public async Task objects_directly_after_one_another_without_whitespace_are_separate_records()
    {
        var records = await Records.Of("""{"n":1}{"n":2}[{"n":3}][{"n":4}]""");

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}"""]);
    }

    [Fact]
    public async Task escapes_and_non_ascii_text_are_kept_byte_for_byte()
    {
        string input = """[{"name":"Zoë \"the\" 📷","path":"C:\\x\u00e9"}]""";

        var records = await Records.Of(input);

        records.Single().Text.ShouldBe("""{"name":"Zoë \"the\" 📷","path":"C:\\x\u00e9"}""");
    }
}
