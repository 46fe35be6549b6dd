using Ltv.Domain.Input;
using Xunit.Abstractions;

namespace Ltv.Domain.Tests.Input;

public sealed class DebugTests(ITestOutputHelper output)
{
    private static readonly byte[][] JsonishPieces =
    [
        .. new[] { "{", "}", "[", "]", ",", ":", "\"k\"", "\"", "\\", "1", "-2.5e3", "tru", "true", "null", " ", "\t", "\n", "\r\n", "{\"n\":1}", "[{\"n\":2}]", "\\u12", "\"\\q\"", "\n{\"a\":[1,2]}\n" }
            .Select(Records.Utf8),
        [0xC3], [0xFF], [0x00], [0xEF, 0xBB, 0xBF], [0x1F, 0x8B],
    ];

    [Fact]
    public async Task debug()
    {
        var random = new Random(12345);
        int failures = 0;
        for (int run = 0; run < 30000 && failures < 8; run++)
        {
            var bytes = new List<byte>();
            int pieces = random.Next(0, 40);
            for (int i = 0; i < pieces; i++) bytes.AddRange(JsonishPieces[random.Next(JsonishPieces.Length)]);
            byte[] input = [.. bytes];
            string[] expected = (await Records.Of(input)).Select(r => r.Describe()).ToArray();
            foreach (int c in new[] { 1, 2, 5 })
            {
                var got = (await Records.Of(input, new RawReaderOptions(ChunkBytes: c))).Select(r => r.Describe()).ToArray();
                if (!got.SequenceEqual(expected))
                {
                    failures++;
                    output.WriteLine($"run {run} chunk {c}: {Convert.ToHexString(input)}");
                    output.WriteLine("  want " + string.Join(" | ", expected));
                    output.WriteLine("  got  " + string.Join(" | ", got));
                    break;
                }
            }
        }
        output.WriteLine("failures " + failures);
    }
}
