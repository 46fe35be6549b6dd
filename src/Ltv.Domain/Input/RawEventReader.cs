using System.Runtime.CompilerServices;

namespace Ltv.Domain.Input;

/// <summary>
/// Streams raw records out of an input of JSON values separated by whitespace (a JSON array of events, NDJSON,
/// pretty-printed objects one after another, several arrays), plain or gzip-compressed. Memory stays bounded by
/// the largest record, not the input. Bad input never throws: it becomes Malformed or Fatal records.
/// </summary>
public static class RawEventReader
{
    /// <summary>Reads <paramref name="input"/> to its end, or up to the first error it cannot get past.</summary>
    /// <remarks>Only cancellation and the stream's own I/O errors throw. The stream is not disposed.</remarks>
    public static async IAsyncEnumerable<RawRecord> ReadAsync(
        Stream input,
        RawReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= RawReaderOptions.Default;
        options.Validate();

        InputWindow window = await InputWindow.OpenAsync(input, options, ct).ConfigureAwait(false);
        await using (window.ConfigureAwait(false))
        {
            var scanner = new RecordScanner(window, options);
            var batch = new List<RawRecord>();
            while (true)
            {
                scanner.Scan(batch);
                foreach (RawRecord record in batch)
                {
                    yield return record;
                }

                batch.Clear();
                if (scanner.IsDone)
                {
                    yield break;
                }

                await window.FillAsync(scanner.KeepFrom, ct).ConfigureAwait(false);
            }
        }
    }
}
