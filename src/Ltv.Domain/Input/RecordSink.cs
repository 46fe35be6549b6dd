using System.Text;
using System.Text.Unicode;

namespace Ltv.Domain.Input;

/// <summary>Numbers the records in input order and copies each one's bytes out of the window, once.</summary>
internal sealed class RecordSink(InputWindow window)
{
    private long _nextIndex;

    public List<RawRecord> Output { get; set; } = [];

    /// <summary>A well-formed value; its text must also be valid UTF-8, which the tokenizer does not check inside strings.</summary>
    public void Value(long start, long end)
    {
        ReadOnlySpan<byte> bytes = window.Bytes(start, end);
        if (!Utf8.IsValid(bytes))
        {
            long invalidAt = start + FirstInvalidByte(bytes);
            Add(RawRecordKind.Malformed, start, bytes.ToArray(), Problems.InvalidUtf8(invalidAt, window.Lines.LineOf(invalidAt)));
            return;
        }

        bool isObject = bytes[0] == (byte)'{';
        Add(isObject ? RawRecordKind.Object : RawRecordKind.NotAnObject, start, bytes.ToArray(), isObject ? null : Problems.NotAnObject);
    }

    public void Rejected(RawRecordKind kind, long start, byte[] text, string problem) => Add(kind, start, text, problem);

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out int length) == System.Buffers.OperationStatus.Done)
        {
            at += length;
        }

        return at;
    }

    private void Add(RawRecordKind kind, long start, byte[] bytes, string? problem) =>
        Output.Add(new RawRecord(_nextIndex++, start, kind, bytes, problem));
}
