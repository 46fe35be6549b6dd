using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class PositionTests
{
    [Fact]
    public async Task byte_offsets_point_at_each_value_s_first_byte_in_an_array()
    {
        string input = "[\n  {\"n\":1},\n  {\"n\":22} ,{\"n\":333}\n]";

        var records = await Records.Of(input);

        records.Select(r => r.ByteOffset).ShouldBe([4L, 15L, 25L]);
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task byte_offsets_count_bytes_not_characters()
    {
        // "é" is two bytes and "📷" four in UTF-8.
        var records = await Records.Of("{\"s\":\"é\"}\n{\"s\":\"📷\"}\n{}");

        records.Select(r => r.ByteOffset).ShouldBe([0L, 11L, 24L]);
    }

    [Fact]
    public async Task indexes_count_every_record_in_input_order_including_rejected_ones()
    {
        string input = "{\"n\":1}\n42\n{broken\n[{\"n\":2},\"x\"]\n{\"n\":3}";

        var records = await Records.Of(input);

        records.Select(r => (r.Index, r.Kind)).ShouldBe(
        [
            (0L, RawRecordKind.Object),
            (1L, RawRecordKind.NotAnObject),
            (2L, RawRecordKind.Malformed),
            (3L, RawRecordKind.Object),
            (4L, RawRecordKind.NotAnObject),
            (5L, RawRecordKind.Object),
        ]);
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[1,{\"nested\":true}]")]
    [InlineData("[]")]
    public async Task a_value_inside_the_top_level_array_that_is_not_an_object_is_rejected_with_its_text(string value)
    {
        var records = await Records.Of($"[{{\"n\":1}}, {value}, {{\"n\":2}}]");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.NotAnObject, RawRecordKind.Object]);
        records[1].Text.ShouldBe(value);
        records[1].Problem.ShouldBe("not a JSON object");
        records[1].ByteOffset.ShouldBe(10);
    }

    [Fact]
    public async Task top_level_values_that_are_not_objects_are_rejected_and_reading_goes_on()
    {
        var records = await Records.Of("7\n\"text\"\nfalse\n{\"n\":1}\n");

        records.Kinds().ShouldBe([RawRecordKind.NotAnObject, RawRecordKind.NotAnObject, RawRecordKind.NotAnObject, RawRecordKind.Object]);
        records.Texts().ShouldBe(["7", "\"text\"", "false", """{"n":1}"""]);
        records.Select(r => r.ByteOffset).ShouldBe([0L, 2L, 9L, 15L]);
    }

    [Fact]
    public async Task a_top_level_number_at_the_very_end_of_the_input_is_read()
    {
        var records = await Records.Of("{}\n12345");

        records.Last().Text.ShouldBe("12345");
        records.Last().ByteOffset.ShouldBe(3);
    }
}
