using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class GzipInputTests
{
    [Fact]
    public async Task a_gzipped_json_array_is_recognised_by_its_content_and_read()
    {
        byte[] plain = Records.Utf8("[{\"n\":1},\n{\"n\":2}]");

        var records = await Records.Of(Records.Gzip(plain));

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}"""]);
        records.Select(r => r.ByteOffset).ShouldBe([1L, 10L], "offsets are in the decompressed input");
    }

    [Fact]
    public async Task gzipped_ndjson_recovers_from_a_malformed_line_like_plain_ndjson()
    {
        byte[] plain = Records.Utf8("{\"n\":1}\n{\"n\":\n{\"n\":3}\n");

        var zipped = await Records.Of(Records.Gzip(plain));

        zipped.Select(r => r.Describe()).ShouldBe((await Records.Of(plain)).Select(r => r.Describe()));
        zipped.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
    }

    [Fact]
    public async Task concatenated_gzip_members_are_read_as_one_input()
    {
        byte[] input = Records.Gzip(Records.Utf8("{\"n\":1}\n{\"n\":"), Records.Utf8("2}\n[{\"n\":3}]\n"));

        var records = await Records.Of(input);

        records.Texts().ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}"""]);
    }

    [Fact]
    public async Task a_byte_order_mark_inside_gzip_is_skipped()
    {
        byte[] plain = [0xEF, 0xBB, 0xBF, .. Records.Utf8("[{\"n\":1}]")];

        var records = await Records.Of(Records.Gzip(plain));

        records.Single().Text.ShouldBe("""{"n":1}""");
        records.Single().ByteOffset.ShouldBe(4);
    }

    [Fact]
    public async Task a_large_gzipped_input_read_through_a_trickling_stream_gives_every_record()
    {
        string ndjson = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{{\"n\":{i},\"pad\":\"{new string('x', i % 50)}\"}}\n"));
        byte[] zipped = Records.Gzip(Records.Utf8(ndjson));

        var records = await Records.From(new TricklingStream(zipped, 333));

        records.Count.ShouldBe(20_000);
        records[^1].Text.ShouldStartWith("{\"n\":19999,");
        records.ShouldHoldFor(Records.Utf8(ndjson));
    }

    [Fact]
    public async Task a_corrupt_second_gzip_member_yields_the_first_member_s_records_then_a_fatal_record()
    {
        byte[] plain = Records.Utf8("{\"n\":1}\n{\"n\":2}\n");

        // A member whose first deflate block has the reserved block type 3.
        byte[] input = [.. Records.Gzip(plain), 0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x07, 0, 0, 0];

        var records = await Records.Of(input);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Fatal]);
        records[2].ByteOffset.ShouldBe(16);
        records[2].Problem.ShouldBe("the gzip data is corrupt after byte 16 of the decompressed input — the rest of the input was not read");
    }

    [Fact]
    public async Task a_gzip_checksum_mismatch_keeps_the_records_read_before_and_ends_with_a_fatal_record()
    {
        string ndjson = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"{{\"n\":{i}}}\n"));
        byte[] zipped = Records.Gzip(Records.Utf8(ndjson));
        zipped[^8] ^= 0xFF;

        var records = await Records.Of(zipped);

        records.Count.ShouldBeGreaterThan(1);
        records[^1].Kind.ShouldBe(RawRecordKind.Fatal);
        records[^1].Problem!.ShouldStartWith("the gzip data is corrupt after byte ");
        records[..^1].ShouldAllBe(r => r.Kind == RawRecordKind.Object);
        records.ShouldHoldFor(Records.Utf8(ndjson));
    }

    [Fact]
    public async Task a_gzip_header_with_nothing_valid_after_it_is_fatal_without_throwing()
    {
        var records = await Records.Of([0x1F, 0x8B, 0x00, 0x01, 0x02]);

        records.Kinds().ShouldBe([RawRecordKind.Fatal]);
        records[0].ByteOffset.ShouldBe(0);
    }

    [Fact]
    public async Task a_gzip_stream_cut_short_reads_as_input_that_ends_there()
    {
        string array = "[" + string.Join(",\n", Enumerable.Range(0, 2_000).Select(i => $"{{\"n\":{i}}}")) + "]";
        byte[] zipped = Records.Gzip(Records.Utf8(array));

        var records = await Records.Of(zipped[..(zipped.Length * 2 / 3)]);

        // The platform's decompressor does not report a missing end, so only the cut-off JSON shows.
        records.Count.ShouldBeGreaterThan(100);
        records[^1].Kind.ShouldBe(RawRecordKind.Fatal);
        records[..^1].ShouldAllBe(r => r.Kind == RawRecordKind.Object);
    }
}
