using System.Text;
using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class ChunkingTests
{
    public static TheoryData<string> Inputs() =>
    [
        "[{\"n\":1}, {\"n\":2},\n{\"n\":[1,2,{\"x\":\"a,b\"}]}]",
        "{\"n\":1}\n{\"n\":2}\r\n\"text\"\n12345\n",
        "{\n  \"n\": 1\n}\n{\n  \"n\": 2\n}",
        "[{\"n\":1}]\n[{\"n\":2},3]\n{\"n\":4}",
        "{\"n\":1}\n{\"n\" 2}\n{\"n\":3}\n{\"n\":\n{\"n\":5}\n",
        "[\n{\"n\":1},\n{\"n\":2,\"t\":\"2017",
        "[{\"n\":1},\n {\"n\":2}\n {\"n\":3}]",
        "{\n \"n\": 1\n}\n{\"n\":2}\n{broken\n{\"n\":4}\n",
        "\uFEFF{\"é\":\"📷\"}\n{\"n\":tru}\n{\"n\":true}",
        "hello\nworld\n",
        "{\"n\":1},\n{\"n\":2}\n",
        "{\"s\":\"a\\\"b\\\\\"}\n{\"n\":-0.5e-3}\n",
        "{\"events\": [{\"n\":1}, {\"n\":[2,{\"m\":3}]}]}\n{\"events\":[]}\n{\"n\":4}",
        "{\"events\": [{\"n\":1}], \"count\": 1}\n{\"n\":2}",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task every_chunk_size_gives_the_same_records(string input)
    {
        string[] expected = (await Records.Of(input)).Select(r => r.Describe()).ToArray();

        foreach (int chunkBytes in new[] { 1, 2, 3, 5, 7, 16, 64 })
        {
            var records = await Records.Of(input, new RawReaderOptions(ChunkBytes: chunkBytes));

            records.Select(r => r.Describe()).ToArray().ShouldBe(expected, $"chunks of {chunkBytes} bytes");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task a_stream_that_hands_out_one_byte_per_read_gives_the_same_records(string input)
    {
        byte[] bytes = Records.Utf8(input);
        string[] expected = (await Records.Of(bytes)).Select(r => r.Describe()).ToArray();

        var records = await Records.From(new TricklingStream(bytes, 1));

        records.Select(r => r.Describe()).ToArray().ShouldBe(expected);
        records.ShouldHoldFor(bytes);
    }

    [Fact]
    public async Task values_across_the_64_kib_read_boundaries_are_read_whole()
    {
        var lines = new List<string>();
        var input = new StringBuilder();
        for (int i = 0; input.Length < 400_000; i++)
        {
            // Line lengths that drift against the chunk size put every part of a value on a boundary somewhere.
            string line = i % 97 == 13 ? "{\"n\":" + i + ",broken" : $"{{\"n\":{i},\"pad\":\"{new string('p', (i * 37) % 1500)}\"}}";
            lines.Add(line);
            input.Append(line).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var records = await Records.Of(input.ToString());

        records.Texts().ShouldBe(lines);
        records.Count(r => r.Kind == RawRecordKind.Malformed).ShouldBe(lines.Count(l => l.EndsWith(",broken", StringComparison.Ordinal)));
        records.ShouldHoldFor(Records.Utf8(input.ToString()));
    }

    [Fact]
    public async Task an_array_element_across_the_64_kib_read_boundary_is_read_whole()
    {
        string filler = "{\"pad\":\"" + new string('f', (64 * 1024) - 20) + "\"}";
        string straddling = "{\"n\":2,\"pad\":\"" + new string('s', 100) + "\"}";

        var records = await Records.Of($"[{filler},\n{straddling},{{\"n\":3}}]");

        records.Texts().ShouldBe([filler, straddling, """{"n":3}"""]);
    }
}
