namespace Ltv.Domain.Tests.Input;

/// <summary>
/// A large input made on the fly (a head, a body repeated, a tail), so a test can stream hundreds of megabytes
/// without holding them. Reads complete synchronously and allocate nothing.
/// </summary>
internal sealed class RepeatingStream(byte[] head, byte[] body, long repeats, byte[] tail) : Stream
{
    private readonly long _length = head.Length + (body.Length * repeats) + tail.Length;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _position < _length)
        {
            ReadOnlySpan<byte> source = Current(out int at);
            int count = Math.Min(buffer.Length - written, source.Length - at);
            source.Slice(at, count).CopyTo(buffer[written..]);
            written += count;
            _position += count;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private ReadOnlySpan<byte> Current(out int at)
    {
        if (_position < head.Length)
        {
            at = (int)_position;
            return head;
        }

        long inBody = _position - head.Length;
        if (inBody < body.Length * repeats)
        {
            at = (int)(inBody % body.Length);
            return body;
        }

        at = (int)(inBody - (body.Length * repeats));
        return tail;
    }
}
