using System.Globalization;
using System.Text.Json;

namespace Ltv.Domain.Input;

/// <summary>The wording of every problem the reader reports, in one place so the messages stay consistent.</summary>
internal static class Problems
{
    public const string NotAnObject = "not a JSON object";

    public const string TooDeep = "the value is nested deeper than 64 levels";

    /// <summary>An object too large for a record that wraps the events' array (<c>{"events":[...]}</c>) has more members after it.</summary>
    public const string WrapperNotAlone = "an object that wraps an array of events must have no other member";

    private const string RestNotRead = " — the rest of the input was not read";

    private const string InvalidLiteral = "' is an invalid JSON literal. Expected the literal ";

    private const int MaxReasonLength = 200;

    public static string InvalidUtf8(long at, long line) => $"invalid JSON at line {line + 1}: invalid UTF-8 at byte {at}";

    public static string Malformed(ReadFailure failure, long line, int maxRecordBytes) => failure.Kind switch
    {
        FailureKind.TooLarge => $"the record at line {line + 1} is larger than the limit of {maxRecordBytes} bytes",
        _ when failure.OnFirstLine => $"invalid JSON at line {line + 1}: {failure.Reason}",
        _ => $"invalid JSON at line {line + 1}: the line ends before the value is complete",
    };

    public static string Fatal(ReadFailure failure, int maxRecordBytes) => failure.Kind switch
    {
        FailureKind.TooLarge =>
            $"the record at byte {failure.BrokenStart} (line {failure.ErrorLine + 1}) is larger than the limit of {maxRecordBytes} bytes{RestNotRead}",
        FailureKind.CorruptCompression =>
            $"the gzip data is corrupt after byte {failure.ErrorAt} of the decompressed input{RestNotRead}",
        _ => $"invalid JSON at byte {failure.ErrorAt} (line {failure.ErrorLine + 1}): {failure.Reason}{RestNotRead}",
    };

    /// <summary>The tokenizer's own explanation, without the position it appends (we report absolute ones).</summary>
    public static string ReasonOf(JsonException exception)
    {
        string message = exception.Message;
        int position = message.LastIndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position];
        }

        message = message.Trim().TrimEnd('.');
        if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the input ends before the value is complete";
        }

        // This message quotes whatever input the tokenizer had left, which depends on chunking and may span lines.
        int literal = message.LastIndexOf(InvalidLiteral, StringComparison.Ordinal);
        if (literal >= 0)
        {
            return "invalid literal, expected " + message[(literal + InvalidLiteral.Length)..];
        }

        return OneShortLine(message);
    }

    /// <summary>The byte a message like "'x' is invalid after a value" names, or -1.</summary>
    public static int QuotedByte(JsonException exception)
    {
        string message = exception.Message;
        if (message.Length > 3 && message[0] == '\'' && message[2] == '\'' && char.IsAscii(message[1]))
        {
            return message[1];
        }

        bool hex = message.Length > 6 && message.StartsWith("'0x", StringComparison.Ordinal) && message[5] == '\'';
        return hex && byte.TryParse(message.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value)
            ? value
            : -1;
    }

    private static string OneShortLine(string text)
    {
        Span<char> chars = stackalloc char[Math.Min(text.Length, MaxReasonLength)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsControl(text[i]) ? ' ' : text[i];
        }

        return new string(chars);
    }
}
