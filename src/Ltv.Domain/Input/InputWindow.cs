using System.IO.Compression;

namespace Ltv.Domain.Input;

/// <summary>
/// A sliding window over the (decompressed) input with absolute offsets: it holds the bytes from the oldest
/// one the reader still needs to the newest one read, and grows only while a single record needs the room.
/// </summary>
internal sealed class InputWindow : IAsyncDisposable
{
    private const int SniffBytes = 3;

    private readonly int _chunkBytes;
    private readonly int _maxBytes;
    private Stream _source;
    private GZipStream? _gzip;
    private byte[] _bytes;
    private int _start;
    private int _end;
    private long _origin;

    private InputWindow(Stream source, RawReaderOptions options)
    {
        _source = source;
        _chunkBytes = options.ChunkBytes;
        _maxBytes = Math.Max(options.MaxRecordBytes, options.MaxFatalTextBytes) + (2 * options.ChunkBytes) + SniffBytes;
        _bytes = new byte[options.ChunkBytes];
        Lines = new LineCounter(this);
    }

    public LineCounter Lines { get; }

    public long Start => _origin + _start;

    public long End => _origin + _end;

    /// <summary>Where the JSON text starts: after a byte order mark if there is one.</summary>
    public long ContentStart { get; private set; }

    public bool IsEnded { get; private set; }

    /// <summary>Whether the input stopped early because the compressed data is corrupt.</summary>
    public bool IsCorrupt { get; private set; }

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static async ValueTask<InputWindow> OpenAsync(Stream input, RawReaderOptions options, CancellationToken ct)
    {
        var window = new InputWindow(input, options);
        try
        {
            await window.FillToAsync(SniffBytes, ct).ConfigureAwait(false);
            if (window.Bytes(0, window.End).StartsWith(GzipMagic))
            {
                window.Decompress();
                await window.FillToAsync(SniffBytes, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            await window.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (window.Bytes(0, window.End).StartsWith(ByteOrderMark))
        {
            window.ContentStart = ByteOrderMark.Length;
        }

        return window;
    }

    public ReadOnlySpan<byte> Bytes(long from, long to) =>
        _bytes.AsSpan((int)(from - _origin), (int)(to - from));

    public byte ByteAt(long at) => _bytes[at - _origin];

    /// <summary>Drops the bytes before <paramref name="keepFrom"/> and reads more after the newest byte.</summary>
    public async ValueTask FillAsync(long keepFrom, CancellationToken ct)
    {
        if (IsEnded)
        {
            return;
        }

        MakeRoom(keepFrom);
        int read;
        try
        {
            // Reads stay chunk-sized even in a grown buffer so that one scan yields a bounded batch of records.
            int room = Math.Min(_bytes.Length - _end, _chunkBytes);
            read = await _source.ReadAsync(_bytes.AsMemory(_end, room), ct).ConfigureAwait(false);
        }
        catch (InvalidDataException) when (_gzip is not null)
        {
            // The decompressor's message does not tell a bad checksum from a bad header; the offset says more.
            IsCorrupt = true;
            IsEnded = true;
            return;
        }

        if (read == 0)
        {
            IsEnded = true;
        }

        _end += read;
    }

    public async ValueTask DisposeAsync()
    {
        if (_gzip is not null)
        {
            await _gzip.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask FillToAsync(int count, CancellationToken ct)
    {
        while (End < count && !IsEnded)
        {
            await FillAsync(0, ct).ConfigureAwait(false);
        }
    }

    private void Decompress()
    {
        var alreadyRead = Bytes(0, End).ToArray();
        _gzip = new GZipStream(new PrefixedStream(alreadyRead, _source), CompressionMode.Decompress);
        _source = _gzip;
        _end = 0;
        IsEnded = false;
    }

    private void MakeRoom(long keepFrom)
    {
        // Count line feeds before they can be dropped, so error messages can still name lines.
        Lines.CountUpTo(keepFrom);

        int keep = (int)(keepFrom - _origin);
        _start = keep;
        if (_bytes.Length - _end >= _chunkBytes)
        {
            return;
        }

        // Growing once the kept bytes fill half the buffer keeps the copying linear in the size of a big record.
        int pending = _end - keep;
        byte[] target = _bytes;
        if (pending > _bytes.Length / 2 || _bytes.Length - pending < _chunkBytes)
        {
            long wanted = Math.Max(2L * _bytes.Length, (long)pending + _chunkBytes);
            int size = (int)Math.Min(wanted, _maxBytes);
            if (size <= pending)
            {
                throw new InvalidOperationException($"The reader kept {pending} bytes, more than its limit of {_maxBytes}.");
            }

            target = size > _bytes.Length ? new byte[size] : _bytes;
        }

        if (target == _bytes && keep == 0)
        {
            return;
        }

        _bytes.AsSpan(keep, pending).CopyTo(target);
        _bytes = target;
        _origin += keep;
        _start = 0;
        _end = pending;
    }
}
