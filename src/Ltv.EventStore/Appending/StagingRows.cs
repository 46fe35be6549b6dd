using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Ltv.EventStore.Appending;

/// <summary>
/// A batch encoded in PostgreSQL's binary COPY format for the staging table, in one pooled buffer. Sent with a
/// raw binary COPY, this costs about a tenth of writing each field through the driver's importer, whose per-field
/// calls kept the server waiting for data during the COPY (docs/PERFORMANCE.md).
/// </summary>
internal sealed class StagingRows : IDisposable
{
    private const byte JsonbVersion = 1;
    private const short FieldCount = 6;

    // "PGCOPY\n\xff\r\n\0": the signature of the binary COPY format.
    private static ReadOnlySpan<byte> Header => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private byte[] _buffer;
    private int _length;

    private StagingRows(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    /// <summary>Rows (ord, stream_id, dedupe_key, event_type, data, metadata), ord being the position in <paramref name="events"/>.</summary>
    public static StagingRows Encode(IReadOnlyList<NewEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        long estimate = 64;
        foreach (var e in events)
        {
            estimate += 40 + e.StreamId.Length + e.DedupeKey.Length + e.EventType.Length + e.Data.Length + (e.Metadata?.Length ?? 0);
        }

        var rows = new StagingRows((int)Math.Min(estimate + (estimate / 4), Array.MaxLength));
        rows.Write(Header);
        rows.WriteInt32(0);
        rows.WriteInt32(0);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            rows.WriteInt16(FieldCount);
            rows.WriteInt32(4);
            rows.WriteInt32(i);
            rows.WriteText(e.StreamId, prefix: null);
            rows.WriteText(e.DedupeKey, prefix: null);
            rows.WriteText(e.EventType, prefix: null);
            rows.WriteText(e.Data, JsonbVersion);
            if (e.Metadata is null)
            {
                rows.WriteInt32(-1);
            }
            else
            {
                rows.WriteText(e.Metadata, JsonbVersion);
            }
        }

        rows.WriteInt16(-1);
        return rows;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // A field: its length, then an optional format byte (jsonb's version), then the UTF-8 text.
    private void WriteText(string text, byte? prefix)
    {
        var extra = prefix is null ? 0 : 1;
        Ensure(4 + extra + Encoding.UTF8.GetMaxByteCount(text.Length));
        var span = _buffer.AsSpan(_length);
        if (prefix is { } p)
        {
            span[4] = p;
        }

        var written = Encoding.UTF8.GetBytes(text, span[(4 + extra)..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written + extra);
        _length += 4 + extra + written;
    }

    private void WriteInt16(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
