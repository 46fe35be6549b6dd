using System.Text.Json;

namespace Ltv.Domain.Input;

/// <summary>
/// Cuts the window's bytes into records, one JSON value at a time. The tokenizer's state is kept between
/// refills, so every byte is tokenized once however the input is chunked.
/// </summary>
internal sealed class RecordScanner
{
    private const int MaxNesting = 64;

    // Slack for the enclosing array (and an object wrapping it) and one level more, so that our own limit is the one that trips.
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = MaxNesting + 3 };

    private readonly InputWindow _window;
    private readonly RawReaderOptions _options;
    private readonly RecordSink _sink;
    private readonly FailureLocator _locate;
    private readonly LineMode _lineMode;
    private readonly WrapperShape _shape = new();
    private JsonReaderState _state;
    private long _resume;
    private long _recordStart = -1;
    private int _recordDepth;
    private bool _inArray;
    private bool _inWrapper;
    private bool _wrapperClosing;
    private RejectedText? _rejection;

    public RecordScanner(InputWindow window, RawReaderOptions options)
    {
        _window = window;
        _options = options;
        _sink = new RecordSink(window);
        _locate = new FailureLocator(window, options);
        _lineMode = new LineMode(window);
        Restart(window.ContentStart);
    }

    public bool IsDone { get; private set; }

    /// <summary>The oldest byte still needed: the start of the value being read or of the text being rejected.</summary>
    public long KeepFrom => _rejection?.KeepFrom ?? (_recordStart >= 0 ? _recordStart : _resume);

    /// <summary>Adds to <paramref name="output"/> every record the window's bytes complete.</summary>
    public void Scan(List<RawRecord> output)
    {
        _sink.Output = output;
        bool progressing = true;
        while (progressing && !IsDone)
        {
            progressing = _rejection is null ? Parse() : FinishRejection();
        }
    }

    /// <returns>False when more input is needed.</returns>
    private bool Parse()
    {
        bool final = _window.IsEnded && !_window.IsCorrupt;
        var reader = new Utf8JsonReader(_window.Bytes(_resume, _window.End), final, _state);
        long good = 0;
        ReadFailure? failure = null;
        try
        {
            while (failure is null && reader.Read())
            {
                failure = OnToken(ref reader);
                good = reader.BytesConsumed;
            }
        }
        catch (JsonException exception)
        {
            failure = _locate.FromTokenizer(exception, _recordStart, _resume + good, _inArray);
        }

        if (failure is { } found)
        {
            Reject(found);
            return true;
        }

        _state = reader.CurrentState;
        _resume += reader.BytesConsumed;
        if (_window.IsEnded && !_window.IsCorrupt)
        {
            IsDone = true;
            return true;
        }

        if (_recordStart >= 0 && _shape.StreamsOn && _window.End - _recordStart > _options.MaxRecordBytes)
        {
            ReadOnAsWrapper();
        }

        long pending = _recordStart >= 0 ? _recordStart : _locate.NextValueStart(_resume, _inArray);
        ReadFailure? stop = _window.IsCorrupt ? _locate.CorruptCompression(pending)
            : _window.End - pending > _options.MaxRecordBytes ? _locate.TooLarge(pending)
            : null;
        if (stop is { } stopping)
        {
            Reject(stopping);
        }

        return stop is not null;
    }

    private ReadFailure? OnToken(ref Utf8JsonReader reader)
    {
        JsonTokenType type = reader.TokenType;
        long tokenStart = _resume + reader.TokenStartIndex;
        if (_recordStart >= 0)
        {
            _shape.Observe(type, reader.CurrentDepth, tokenStart, _resume + reader.BytesConsumed);
            if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return reader.CurrentDepth == _recordDepth ? Complete(_resume + reader.BytesConsumed) : null;
            }

            bool opens = type is JsonTokenType.StartObject or JsonTokenType.StartArray;
            return opens && reader.CurrentDepth - _recordDepth >= MaxNesting
                ? _locate.Syntax(_recordStart, tokenStart, Problems.TooDeep)
                : null;
        }

        if (_wrapperClosing)
        {
            return CloseWrapper(type, tokenStart, _resume + reader.BytesConsumed);
        }

        if (type == JsonTokenType.StartArray && !_inArray)
        {
            _inArray = true;
            _lineMode.ValueBegins(tokenStart);
            return null;
        }

        if (type == JsonTokenType.EndArray)
        {
            // Outside a record only the top-level array can close, or a wrapped one; then its object must close.
            _inArray = false;
            _wrapperClosing = _inWrapper;
            if (!_inWrapper)
            {
                _lineMode.ValueEnds(_resume + reader.BytesConsumed);
            }

            return null;
        }

        if (!_inArray)
        {
            _lineMode.ValueBegins(tokenStart);
        }

        _recordStart = tokenStart;
        _recordDepth = reader.CurrentDepth;
        _shape.Begin(type == JsonTokenType.StartObject && !_inArray, reader.CurrentDepth);
        return type is JsonTokenType.StartObject or JsonTokenType.StartArray ? null : Complete(_resume + reader.BytesConsumed);
    }

    private ReadFailure? Complete(long end)
    {
        long start = _recordStart;
        _recordStart = -1;
        bool isWrapper = _shape.IsWrapper;
        _shape.End();
        if (isWrapper)
        {
            AddWrappedElements();
            _lineMode.ValueEnds(end);
            return null;
        }

        if (end - start > _options.MaxRecordBytes)
        {
            return _locate.TooLarge(start);
        }

        _sink.Value(start, end);
        if (!_inArray)
        {
            _lineMode.ValueEnds(end);
        }

        return null;
    }

    /// <summary>The object being read turned out too large for a record while it still has a wrapper's shape: its
    /// elements so far become records, and the rest of its array is read one element at a time.</summary>
    private void ReadOnAsWrapper()
    {
        AddWrappedElements();
        _inWrapper = true;
        _inArray = _shape.InArray;
        _wrapperClosing = !_shape.InArray;
        _recordStart = _shape.ElementStart;
        _recordDepth = _shape.ElementDepth;
        _shape.End();
    }

    private void AddWrappedElements()
    {
        foreach (var (start, end) in _shape.Elements)
        {
            if (end - start <= _options.MaxRecordBytes)
            {
                _sink.Value(start, end);
                continue;
            }

            // The wrapper as a whole was read before its size was checked: an element over the limit keeps a sample.
            long sampleEnd = Math.Min(end, start + _options.MaxFatalTextBytes);
            string problem = Problems.Malformed(_locate.TooLarge(start), _window.Lines.LineOf(start), _options.MaxRecordBytes);
            _sink.Rejected(RawRecordKind.Malformed, start, _window.Bytes(start, sampleEnd).ToArray(), problem);
        }
    }

    /// <summary>After the array of a wrapper read one element at a time, only the end of its object may come.</summary>
    private ReadFailure? CloseWrapper(JsonTokenType type, long tokenStart, long tokenEnd)
    {
        _wrapperClosing = _inWrapper = false;
        if (type != JsonTokenType.EndObject)
        {
            return _locate.Syntax(tokenStart, tokenStart, Problems.WrapperNotAlone);
        }

        _lineMode.ValueEnds(tokenEnd);
        return null;
    }

    private void Reject(ReadFailure failure)
    {
        _recordStart = -1;
        bool skipLine = !_inArray && _lineMode.AllowsSkippingLineOf(failure);
        if (skipLine)
        {
            _lineMode.LineRejected();
        }

        _rejection = skipLine
            ? RejectedText.Line(failure, _window.Lines.LineOf(failure.BrokenStart), _options)
            : RejectedText.RestOfInput(failure, _options);
    }

    private bool FinishRejection()
    {
        RejectedText rejection = _rejection!;
        if (!rejection.TryFinish(_window, out byte[] text, out long next))
        {
            return false;
        }

        _sink.Rejected(rejection.Kind, rejection.Start, text, rejection.Problem);
        _rejection = null;
        IsDone = rejection.Kind == RawRecordKind.Fatal;
        if (!IsDone)
        {
            Restart(next);
        }

        return true;
    }

    private void Restart(long at)
    {
        _resume = at;
        _locate.BeginChain(at);
        _state = new JsonReaderState(ReaderOptions);
    }
}
