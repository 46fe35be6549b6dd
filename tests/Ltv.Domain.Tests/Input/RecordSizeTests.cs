using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class RecordSizeTests
{
    [Fact]
    public async Task a_10_mb_single_line_record_is_read_whole_between_its_neighbours()
    {
        string big = "{\"tags\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var records = await Records.Of($"{{\"n\":1}}\n{big}\n{{\"n\":3}}\n");

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Object, RawRecordKind.Object]);
        records[1].Utf8.Length.ShouldBe(big.Length);
        records[1].Text.ShouldBe(big);
        records[2].ByteOffset.ShouldBe(8 + big.Length + 1);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task an_ndjson_line_over_the_limit_is_rejected_with_a_sample_of_its_text_and_reading_goes_on(int chunkBytes)
    {
        string big = "{\"tags\":\"" + new string('y', 5000) + "\"}";
        var options = new RawReaderOptions(MaxRecordBytes: 1000, MaxFatalTextBytes: 100, ChunkBytes: chunkBytes);

        var records = await Records.Of($"{{\"n\":1}}\n{big}\n{{\"n\":3}}\n", options);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].Problem.ShouldBe("the record at line 2 is larger than the limit of 1000 bytes");
        records[1].ByteOffset.ShouldBe(8);
        records[1].Text.ShouldBe(big[..100]);
        records[2].Text.ShouldBe("""{"n":3}""");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task an_array_element_over_the_limit_is_fatal(int chunkBytes)
    {
        string big = "{\"tags\":\"" + new string('z', 5000) + "\"}";
        var options = new RawReaderOptions(MaxRecordBytes: 1000, MaxFatalTextBytes: 100, ChunkBytes: chunkBytes);

        var records = await Records.Of($"[{{\"n\":1}},\n{big},\n{{\"n\":3}}]", options);

        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Fatal]);
        records[1].ByteOffset.ShouldBe(10);
        records[1].Problem.ShouldBe(
            "the record at byte 10 (line 2) is larger than the limit of 1000 bytes — the rest of the input was not read");
        records[1].Utf8.Length.ShouldBe(100);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task a_record_exactly_at_the_limit_is_accepted_and_one_byte_more_is_not(int chunkBytes)
    {
        string atLimit = "{\"s\":\"" + new string('a', 92) + "\"}";
        string overLimit = "{\"s\":\"" + new string('a', 93) + "\"}";
        var options = new RawReaderOptions(MaxRecordBytes: 100, ChunkBytes: chunkBytes);

        var records = await Records.Of($"{atLimit}\n{overLimit}\n", options);

        atLimit.Length.ShouldBe(100);
        records.Kinds().ShouldBe([RawRecordKind.Object, RawRecordKind.Malformed]);
    }

    [Fact]
    public async Task a_huge_line_is_rejected_without_buffering_it()
    {
        var options = new RawReaderOptions(MaxRecordBytes: 1024 * 1024);
        byte[] xs = Records.Utf8(new string('x', 4096));
        var input = new RepeatingStream(Records.Utf8("{\"s\":\""), xs, 16 * 1024, Records.Utf8("\"}\n{\"n\":2}\n"));
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var records = await Records.From(input, options);

        (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore).ShouldBeLessThan(16L * 1024 * 1024);
        records.Kinds().ShouldBe([RawRecordKind.Malformed, RawRecordKind.Object]);
        records[1].ByteOffset.ShouldBe(6 + (64L * 1024 * 1024) + 3);
    }

    [Fact]
    public async Task a_broken_line_longer_than_the_limit_keeps_only_the_limit_of_its_text()
    {
        string broken = "{oops " + new string('q', 3000);
        var options = new RawReaderOptions(MaxRecordBytes: 1000, ChunkBytes: 64);

        var records = await Records.Of($"{broken}\n{{\"n\":2}}\n", options);

        records.Kinds().ShouldBe([RawRecordKind.Malformed, RawRecordKind.Object]);
        records[0].Text.ShouldBe(broken[..1000]);
    }
}
