using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

/// <summary>Real inputs wrap the events' array in an object, <c>{"events":[...]}</c> (DESIGN.md, "Input").</summary>
public sealed class WrappedEventsTests
{
    [Fact]
    public async Task regression_an_object_whose_one_member_is_an_array_of_events_is_read_as_that_array()
    {
        string input = """{"events": [{"key":"a"}, {"key":"b","tags":[1,{"x":2}]}]}""";

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"key":"a"}""", """{"key":"b","tags":[1,{"x":2}]}"""]);
        records.Kinds().ShouldAllBe(kind => kind == RawRecordKind.Object);
        records.Select(r => r.ByteOffset).ShouldBe([12L, 25L]);
        records.ShouldHoldFor(Records.Utf8(input));
    }

    [Fact]
    public async Task wrapped_arrays_pretty_printed_or_one_per_line_are_read_in_order_with_plain_events_between()
    {
        string input = "{\n  \"data\": [\n    {\"n\":1},\n    {\"n\":2}\n  ]\n}\n{\"n\":3}\n{\"events\":[{\"n\":4}]}\n{\"events\":[]}\n";

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}"""]);
        records.Select(r => r.Index).ShouldBe([0L, 1L, 2L, 3L]);
    }

    [Fact]
    public async Task what_the_wrapped_array_holds_besides_objects_is_rejected_one_element_at_a_time()
    {
        var records = await Records.Of("""{"events": [{"n":1}, 7, {"n":3}]}""");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.NotAnObject, RawRecordKind.Object]);
    }

    [Theory]
    [InlineData("""{"type": "ORDER", "events": [{"n":1}]}""")]
    [InlineData("""{"tags": [{"n":1}], "type": "SITE_VISIT"}""")]
    [InlineData("""{"events": [{"n":1}], "count": 1}""")]
    [InlineData("""{"events": 1}""")]
    [InlineData("""{"events": [7, {"n":1}]}""")]
    public async Task an_object_with_another_member_beside_the_array_is_an_ordinary_record(string record)
    {
        var records = await Records.Of(record);

        records.Texts().ShouldBe([record]);
        records.Kinds().ShouldBe([RawRecordKind.Object]);
    }

    [Fact]
    public async Task a_wrapper_larger_than_a_record_may_be_is_read_one_element_at_a_time()
    {
        var events = Enumerable.Range(0, 200).Select(i => $$"""{"n":{{i}},"pad":"{{new string('p', 40)}}"}""").ToList();
        string input = $$"""{"events": [{{string.Join(",\n", events)}}]}""" + "\n{\"n\":\"after\"}";
        var options = new RawReaderOptions(ChunkBytes: 64, MaxRecordBytes: 1024);

        var records = await Records.Of(input, options);

        records.Texts().ShouldBe([.. events, """{"n":"after"}"""]);
    }

    [Fact]
    public async Task a_member_after_the_array_of_a_wrapper_larger_than_a_record_keeps_the_events_before_it_and_says_why_the_rest_was_not_read()
    {
        var events = Enumerable.Range(0, 200).Select(i => $$"""{"n":{{i}},"pad":"{{new string('p', 40)}}"}""").ToList();
        string input = $$"""[{"n":-1}] {"events": [{{string.Join(", ", events)}}], "count": 200} {"n":"lost"}""";

        var records = await Records.Of(input, new RawReaderOptions(ChunkBytes: 64, MaxRecordBytes: 1024));

        records.Where(r => r.Kind == RawRecordKind.Object).Texts().ShouldBe(["""{"n":-1}""", .. events]);
        var last = records[^1];
        last.Kind.ShouldBeOneOf(RawRecordKind.Malformed, RawRecordKind.Fatal);
        last.Problem.ShouldNotBeNull().ShouldContain("must have no other member");
        last.Text.ShouldContain("lost");
    }
}
