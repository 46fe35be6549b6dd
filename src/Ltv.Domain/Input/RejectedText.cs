namespace Ltv.Domain.Input;

/// <summary>
/// Gathers the text of a rejected stretch of input while the window slides on: up to the end of its line
/// (a malformed line) or up to the end of the input (a fatal error), keeping at most a given number of bytes.
/// </summary>
internal sealed class RejectedText
{
    private readonly int _limit;
    private long _searchFrom;
    private byte[]? _prefix;

    private RejectedText(RawRecordKind kind, long start, int limit, string problem)
    {
        Kind = kind;
        Start = start;
        Problem = problem;
        _limit = limit;
        _searchFrom = start;
    }

    public RawRecordKind Kind { get; }

    public long Start { get; }

    public string Problem { get; }

    public long KeepFrom => _prefix is null ? Start : _searchFrom;

    private bool UntilLineEnd => Kind != RawRecordKind.Fatal;

    /// <summary>A broken line of line-oriented input: rejected on its own, reading goes on at the next line.</summary>
    public static RejectedText Line(ReadFailure failure, long line, RawReaderOptions options)
    {
        // An oversized line keeps only a sample: its full text is exactly what the limit refuses to hold.
        int limit = failure.Kind == FailureKind.TooLarge ? options.MaxFatalTextBytes : options.MaxRecordBytes;
        string problem = Problems.Malformed(failure, line, options.MaxRecordBytes);
        return new RejectedText(RawRecordKind.Malformed, failure.BrokenStart, limit, problem);
    }

    /// <summary>An error nothing after which can be trusted: the rest of the input becomes one record.</summary>
    public static RejectedText RestOfInput(ReadFailure failure, RawReaderOptions options) =>
        new(RawRecordKind.Fatal, failure.BrokenStart, options.MaxFatalTextBytes, Problems.Fatal(failure, options.MaxRecordBytes));

    /// <returns>False while more input is needed; then <paramref name="next"/> is where reading may go on.</returns>
    public bool TryFinish(InputWindow window, out byte[] text, out long next)
    {
        text = [];
        next = window.End;
        if (!UntilLineEnd)
        {
            if (window.End - Start < _limit && !window.IsEnded)
            {
                return false;
            }

            text = window.Bytes(Start, Math.Min(window.End, Start + _limit)).ToArray();
            return true;
        }

        int feed = window.Bytes(_searchFrom, window.End).IndexOf((byte)'\n');
        if (feed >= 0)
        {
            long lineEnd = _searchFrom + feed;
            text = LineText(window, lineEnd);
            next = lineEnd + 1;
            return true;
        }

        _searchFrom = window.End;
        if (window.IsEnded)
        {
            text = LineText(window, window.End);
            return true;
        }

        // Past the limit only the first bytes are kept, so a huge broken line never holds the window open.
        if (_prefix is null && window.End - Start > _limit)
        {
            _prefix = window.Bytes(Start, Start + _limit).ToArray();
        }

        return false;
    }

    private byte[] LineText(InputWindow window, long lineEnd)
    {
        if (_prefix is not null)
        {
            return _prefix;
        }

        long end = Math.Min(lineEnd, Start + _limit);
        if (end == lineEnd && end > Start && window.ByteAt(end - 1) == (byte)'\r')
        {
            end--;
        }

        return window.Bytes(Start, end).ToArray();
    }
}
