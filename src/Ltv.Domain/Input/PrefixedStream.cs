namespace Ltv.Domain.Input;

/// <summary>
/// Replays bytes already taken from a stream before the rest of it, because compression is recognised by
/// reading the first bytes and the caller's stream need not be seekable. Leaves the inner stream open.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixRead;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int fromPrefix = TakePrefix(buffer);
        return fromPrefix > 0 ? fromPrefix : inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int fromPrefix = TakePrefix(buffer.Span);
        return fromPrefix > 0 ? ValueTask.FromResult(fromPrefix) : inner.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int TakePrefix(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, prefix.Length - _prefixRead);
        prefix.AsSpan(_prefixRead, count).CopyTo(buffer);
        _prefixRead += count;
        return count;
    }
}
