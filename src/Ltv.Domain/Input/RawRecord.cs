using System.Text;

namespace Ltv.Domain.Input;

/// <summary>One value read from the input.</summary>
/// <param name="Index">Position of the record among all records of the input, rejected ones included, from 0.</param>
/// <param name="ByteOffset">Offset of the record's first byte in the (decompressed) input, a byte order mark included.</param>
/// <param name="Kind">What the reader made of the value.</param>
/// <param name="Utf8">The record's own bytes: for an object exactly its JSON text; for a rejection the text it was
/// given (at most <see cref="RawReaderOptions.MaxRecordBytes"/> or <see cref="RawReaderOptions.MaxFatalTextBytes"/>).</param>
/// <param name="Problem">Why the record is not an object; null for objects.</param>
public sealed record RawRecord(long Index, long ByteOffset, RawRecordKind Kind, byte[] Utf8, string? Problem)
{
    /// <summary>The record's text; invalid UTF-8 shows as U+FFFD because rejected text must still be storable.</summary>
    public string Text => Encoding.UTF8.GetString(Utf8);
}
