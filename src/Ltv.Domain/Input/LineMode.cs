namespace Ltv.Domain.Input;

/// <summary>
/// Whether the input has so far been one top-level value per line, as NDJSON is: only then can a broken value
/// be skipped by skipping its line, because only then is the next line known to start a new value.
/// </summary>
internal sealed class LineMode(InputWindow window)
{
    private long _valueLine;
    private long _values;

    public bool IsOn { get; private set; } = true;

    public void ValueBegins(long start)
    {
        if (IsOn)
        {
            _valueLine = window.Lines.LineOf(start);
        }
    }

    public void ValueEnds(long end)
    {
        _values++;
        if (IsOn && window.Lines.LineOf(end) != _valueLine)
        {
            IsOn = false;
        }
    }

    public void LineRejected() => _values++;

    /// <summary>
    /// A value that broke after running onto later lines is taken for a cut-off line only once earlier values
    /// showed the input to be line-oriented; as the very first value it is more likely broken pretty-printed JSON.
    /// </summary>
    public bool AllowsSkippingLineOf(ReadFailure failure) =>
        IsOn && failure.Kind != FailureKind.CorruptCompression && (failure.OnFirstLine || _values > 0);
}
