using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class ArbitraryInputTests
{
    private static readonly byte[][] JsonishPieces =
    [
        .. new[] { "{", "}", "[", "]", ",", ":", "\"k\"", "\"", "\\", "1", "-2.5e3", "tru", "true", "null", " ", "\t", "\n", "\r\n", "{\"n\":1}", "[{\"n\":2}]", "\\u12", "\"\\q\"", "\n{\"a\":[1,2]}\n" }
            .Select(Records.Utf8),
        [0xC3], [0xFF], [0x00], [0xEF, 0xBB, 0xBF], [0x1F, 0x8B],
    ];

    [Fact]
    public async Task arbitrary_bytes_never_throw_and_every_record_is_the_input_s_own_bytes()
    {
        var random = new Random(20170106);
        for (int run = 0; run < 300; run++)
        {
            byte[] input = new byte[random.Next(0, 400)];
            random.NextBytes(input);

            var records = await Records.Of(input);

            if (input.Length < 2 || input[0] != 0x1F || input[1] != 0x8B)
            {
                records.ShouldHoldFor(input);
            }
        }
    }

    [Fact]
    public async Task json_like_noise_never_throws_and_reads_the_same_in_any_chunking()
    {
        var random = new Random(42);
        for (int run = 0; run < 400; run++)
        {
            byte[] input = Noise(random, random.Next(0, 60));
            string[] expected = (await Records.Of(input)).Select(r => r.Describe()).ToArray();

            foreach (int chunkBytes in new[] { 1, 3, 8 })
            {
                var records = await Records.Of(input, new RawReaderOptions(ChunkBytes: chunkBytes));

                records.Select(r => r.Describe()).ToArray().ShouldBe(expected, $"run {run}, chunks of {chunkBytes}");
                if (input.Length < 2 || input[0] != 0x1F || input[1] != 0x8B)
                {
                    records.ShouldHoldFor(input);
                }
            }
        }
    }

    [Fact]
    public async Task damaged_real_input_never_throws_and_keeps_every_record_true_to_the_input()
    {
        byte[] original = await File.ReadAllBytesAsync(PeerFixtures.PathOf("kotharimithal__ShutterFly__events.txt"));
        var random = new Random(7);
        for (int run = 0; run < 200; run++)
        {
            byte[] input = Damage(random, original);

            var records = await Records.Of(input, new RawReaderOptions(ChunkBytes: 1024));

            records.ShouldHoldFor(input);
        }
    }

    private static byte[] Noise(Random random, int pieces)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < pieces; i++)
        {
            bytes.AddRange(JsonishPieces[random.Next(JsonishPieces.Length)]);
        }

        return [.. bytes];
    }

    private static byte[] Damage(Random random, byte[] original)
    {
        var bytes = new List<byte>(original);
        for (int i = random.Next(1, 4); i > 0; i--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.InsertRange(at, JsonishPieces[random.Next(JsonishPieces.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
