namespace Ltv.Domain.Input;

/// <summary>
/// Line numbers of positions in the window. Line feeds are counted before the bytes holding them are dropped,
/// so lines can still be named deep into an input, and each byte is counted about once.
/// </summary>
internal sealed class LineCounter(InputWindow window)
{
    private long _position;
    private long _lines;
    private long _lineStart;

    /// <summary>How many line feeds come before <paramref name="at"/>, a position still in the window.</summary>
    public long LineOf(long at)
    {
        if (at > _position)
        {
            Forward(window.Bytes(_position, at));
        }
        else if (at < _position)
        {
            Back(at);
        }

        return _lines;
    }

    /// <summary>Where the 0-based <paramref name="line"/> starts, for a line that starts at or before the newest byte.</summary>
    public long StartOfLine(long line)
    {
        while (_lines < line)
        {
            ReadOnlySpan<byte> rest = window.Bytes(_position, window.End);
            int feed = rest.IndexOf((byte)'\n');
            if (feed < 0)
            {
                break;
            }

            Forward(rest[..(feed + 1)]);
        }

        return _lineStart;
    }

    /// <summary>Counts the bytes up to <paramref name="at"/> before the window lets them go.</summary>
    public void CountUpTo(long at)
    {
        if (at > _position)
        {
            Forward(window.Bytes(_position, at));
        }
    }

    private void Forward(ReadOnlySpan<byte> next)
    {
        int count = next.Count((byte)'\n');
        if (count > 0)
        {
            _lines += count;
            _lineStart = _position + next.LastIndexOf((byte)'\n') + 1;
        }

        _position += next.Length;
    }

    private void Back(long at)
    {
        int count = window.Bytes(at, _position).Count((byte)'\n');
        _position = at;
        if (count == 0)
        {
            return;
        }

        _lines -= count;
        int last = window.Bytes(window.Start, at).LastIndexOf((byte)'\n');

        // Without a line feed in the held bytes the true start is gone; the oldest held byte is the best left.
        _lineStart = last >= 0 ? window.Start + last + 1 : window.Start;
    }
}
