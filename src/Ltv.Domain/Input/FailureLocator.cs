using System.Buffers;
using System.Text.Json;

namespace Ltv.Domain.Input;

/// <summary>
/// Turns "something is wrong here" into absolute byte offsets and line numbers: where the broken value starts,
/// where the offending byte is, and whether it shows on the value's first line.
/// </summary>
internal sealed class FailureLocator(InputWindow window, RawReaderOptions options)
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private long _chainStart;
    private long _chainStartLine;

    /// <summary>The tokenizer counts lines from where its state began; this is that place.</summary>
    public void BeginChain(long at)
    {
        _chainStart = at;
        _chainStartLine = window.Lines.LineOf(at);
    }

    /// <param name="exception">What the tokenizer threw.</param>
    /// <param name="recordStart">Where the record being read starts, or -1 between records.</param>
    /// <param name="good">The end of the last token the tokenizer read.</param>
    /// <param name="inArray">Whether the tokenizer is between the elements of the top-level array.</param>
    public ReadFailure FromTokenizer(JsonException exception, long recordStart, long good, bool inArray)
    {
        string reason = Problems.ReasonOf(exception);

        // The tokenizer's position is off once it has stepped over separators; the byte it names, found where
        // the failing token starts, is exact and does not depend on how the input was chunked.
        long named = NamedByteAt(good, Problems.QuotedByte(exception));
        if (named >= 0)
        {
            return Syntax(recordStart >= 0 ? recordStart : named, named, reason);
        }

        long broken = recordStart >= 0 ? recordStart : NextValueStart(good, inArray);
        long brokenLine = window.Lines.LineOf(broken);
        long errorLine = _chainStartLine + (exception.LineNumber ?? 0);

        // Mid-line (after a byte order mark) the tokenizer counts the line's bytes from where its state began.
        long lineStart = Math.Max(window.Lines.StartOfLine(errorLine), _chainStart);
        long errorAt = Math.Clamp(lineStart + (exception.BytePositionInLine ?? 0), broken, window.End);
        return new ReadFailure(FailureKind.Syntax, broken, errorAt, errorLine, errorLine == brokenLine, reason);
    }

    public ReadFailure Syntax(long broken, long errorAt, string reason)
    {
        long brokenLine = window.Lines.LineOf(broken);
        long errorLine = window.Lines.LineOf(errorAt);
        return new ReadFailure(FailureKind.Syntax, broken, errorAt, errorLine, errorLine == brokenLine, reason);
    }

    public ReadFailure TooLarge(long start)
    {
        // Only the bytes up to the limit are looked at, so the outcome does not depend on how far the window reaches.
        long seen = Math.Min(window.End, start + options.MaxRecordBytes + 1);
        bool oneLine = !window.Bytes(start, seen).Contains((byte)'\n');
        return new ReadFailure(FailureKind.TooLarge, start, start, window.Lines.LineOf(start), oneLine, string.Empty);
    }

    public ReadFailure CorruptCompression(long pending) =>
        new(FailureKind.CorruptCompression, pending, window.End, window.Lines.LineOf(pending), false, string.Empty);

    /// <summary>Where the next value (or the next array element, past its comma) starts; the end if none is in sight.</summary>
    public long NextValueStart(long from, bool inArray)
    {
        long next = SkipWhitespace(from);
        return inArray && next < window.End && window.ByteAt(next) == (byte)',' ? SkipWhitespace(next + 1) : next;
    }

    private long NamedByteAt(long good, int named)
    {
        long next = SkipWhitespace(good);
        if (named < 0 || next >= window.End)
        {
            return -1;
        }

        byte first = window.ByteAt(next);
        if (first == named)
        {
            return next;
        }

        long afterSeparator = first is (byte)',' or (byte)':' ? SkipWhitespace(next + 1) : window.End;
        return afterSeparator < window.End && window.ByteAt(afterSeparator) == named ? afterSeparator : -1;
    }

    private long SkipWhitespace(long from)
    {
        int skipped = window.Bytes(from, window.End).IndexOfAnyExcept(Whitespace);
        return skipped < 0 ? window.End : from + skipped;
    }
}
