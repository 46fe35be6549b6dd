using System.IO.Compression;
using System.Text;
using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

/// <summary>Runs the reader to the end of an input and hands back everything it yielded.</summary>
internal static class Records
{
    public static Task<List<RawRecord>> Of(string text, RawReaderOptions? options = null) =>
        Of(Encoding.UTF8.GetBytes(text), options);

    public static Task<List<RawRecord>> Of(byte[] input, RawReaderOptions? options = null) =>
        From(new MemoryStream(input, writable: false), options);

    public static async Task<List<RawRecord>> From(Stream stream, RawReaderOptions? options = null)
    {
        var records = new List<RawRecord>();
        await foreach (RawRecord record in RawEventReader.ReadAsync(stream, options))
        {
            records.Add(record);
        }

        return records;
    }

    public static byte[] Gzip(params byte[][] members)
    {
        using var output = new MemoryStream();
        foreach (byte[] member in members)
        {
            // Each member gets its own header and trailer, as `cat a.gz b.gz` would produce.
            using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(member);
        }

        return output.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>What a test compares: everything but the byte array's identity.</summary>
    public static string Describe(this RawRecord record) =>
        $"#{record.Index} @{record.ByteOffset} {record.Kind} [{record.Text}] {record.Problem}";

    public static string[] Texts(this IEnumerable<RawRecord> records) => records.Select(r => r.Text).ToArray();

    public static RawRecordKind[] Kinds(this IEnumerable<RawRecord> records) => records.Select(r => r.Kind).ToArray();
}
