namespace Ltv.Domain.Input;

/// <summary>
/// Knows how many line feeds come before one position of the input and where that position's line starts,
/// so line numbers survive the bytes before them being dropped from the window.
/// </summary>
internal sealed class LineCounter
{
    public long Position { get; private set; }

    public long Lines { get; private set; }

    public long LineStart { get; private set; }

    public void Forward(ReadOnlySpan<byte> next)
    {
        int count = next.Count((byte)'\n');
        if (count > 0)
        {
            Lines += count;
            LineStart = Position + next.LastIndexOf((byte)'\n') + 1;
        }

        Position += next.Length;
    }

    /// <param name="before">Bytes still held before the new position.</param>
    /// <param name="skipped">Bytes from the new position up to the current one.</param>
    public void Back(ReadOnlySpan<byte> before, ReadOnlySpan<byte> skipped)
    {
        Position -= skipped.Length;
        int count = skipped.Count((byte)'\n');
        if (count == 0)
        {
            return;
        }

        Lines -= count;
        int last = before.LastIndexOf((byte)'\n');

        // Without a line feed in the held bytes the true start is gone; the oldest held byte is the best left.
        LineStart = Position - before.Length + (last >= 0 ? last + 1 : 0);
    }
}
