using System.IO.Compression;
using System.Text;

namespace Ltv.Host.Generation;

/// <summary>How a generated file is laid out.</summary>
/// <param name="Shuffle">Events in random order rather than customer by customer.</param>
/// <param name="DuplicateRate">The fraction of events written a second time, somewhere later.</param>
/// <param name="Json">A JSON array (the challenge's format) rather than NDJSON.</param>
/// <param name="Gzip">Compress the file.</param>
public sealed record GeneratedFileLayout(bool Shuffle, double DuplicateRate, bool Json, bool Gzip);

/// <summary>Writes synthetic events to a file, streaming: memory stays flat for any size when not shuffled.</summary>
public static class GeneratedFile
{
    /// <summary>Writes the file; returns how many records it holds.</summary>
    public static async Task<long> WriteAsync(string path, SyntheticEventOptions events, GeneratedFileLayout layout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var random = new Random(events.Seed ^ 0x5eed);
        var lines = WithDuplicates(SyntheticEvents.Generate(events), layout.DuplicateRate, random);
        if (layout.Shuffle)
        {
            // Shuffling needs every line at once: fine for demo and test sizes, not for the largest benchmarks.
            lines = [.. lines.OrderBy(_ => random.Next())];
        }

        await using var file = File.Create(path);
        await using Stream output = layout.Gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        long count = 0;
        if (layout.Json)
        {
            await writer.WriteLineAsync("[");
        }

        foreach (var line in lines)
        {
            ct.ThrowIfCancellationRequested();
            if (layout.Json && count > 0)
            {
                await writer.WriteLineAsync(",");
            }

            await writer.WriteAsync(line);
            if (!layout.Json)
            {
                await writer.WriteAsync('\n');
            }

            count++;
        }

        if (layout.Json)
        {
            await writer.WriteLineAsync();
            await writer.WriteLineAsync("]");
        }

        return count;
    }

    private static IEnumerable<string> WithDuplicates(IEnumerable<string> lines, double rate, Random random)
    {
        var pending = new Queue<string>();
        foreach (var line in lines)
        {
            yield return line;
            if (rate > 0 && random.NextDouble() < rate)
            {
                pending.Enqueue(line);
            }

            // Repeat a held-back line a little later, so that copies do not sit next to their original.
            if (pending.Count > 8)
            {
                yield return pending.Dequeue();
            }
        }

        while (pending.Count > 0)
        {
            yield return pending.Dequeue();
        }
    }
}
