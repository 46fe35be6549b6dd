using Ltv.Domain.Input;

namespace Ltv.Host.Ingestion;

/// <summary>
/// What one source turned out to hold, for the run's outcome: a file in which not one JSON value could be read
/// (binary data, plain text) is an error, not a run that "completed" with every line rejected (DESIGN.md, "Bad
/// input"). Its lines are still stored as rejections, so nothing is lost.
/// </summary>
public sealed class SourceContent
{
    /// <summary>The problem of a source with no JSON in it, as the run's message names it.</summary>
    public const string NotJson = "not JSON: no JSON value could be read in it";

    private long _records;
    private bool _sawJson;
    private string? _fatal;

    public void Add(RawRecord record)
    {
        _records++;
        _sawJson |= record.Kind is RawRecordKind.Object or RawRecordKind.NotAnObject;
        if (record.Kind == RawRecordKind.Fatal)
        {
            _fatal = record.Problem;
        }
    }

    /// <summary>Why the source could not be read as a whole, or null when it could (an empty source included).</summary>
    public string? Problem => _records > 0 && !_sawJson ? NotJson : _fatal;
}
