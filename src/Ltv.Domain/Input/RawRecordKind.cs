namespace Ltv.Domain.Input;

/// <summary>What the reader made of one value of the input.</summary>
public enum RawRecordKind
{
    /// <summary>A JSON object: a candidate event.</summary>
    Object,

    /// <summary>Well-formed JSON that is not an object (a number, a string, a nested array...).</summary>
    NotAnObject,

    /// <summary>Broken text the reader skipped over; reading went on after it.</summary>
    Malformed,

    /// <summary>Broken text the reader could not get past: the last record of the input.</summary>
    Fatal,
}
