namespace Ltv.Domain.Input;

internal enum FailureKind
{
    Syntax,
    TooLarge,
    CorruptCompression,
}

/// <summary>Why and where reading stopped making sense.</summary>
/// <param name="BrokenStart">Where the value that could not be read starts: the rejected text starts here.</param>
/// <param name="ErrorAt">The offending byte, as near as the tokenizer tells.</param>
/// <param name="ErrorLine">The 0-based line of the offending byte.</param>
/// <param name="OnFirstLine">Whether the trouble shows on the line the broken value starts on.</param>
/// <param name="Reason">A short explanation, without position.</param>
internal readonly record struct ReadFailure(
    FailureKind Kind,
    long BrokenStart,
    long ErrorAt,
    long ErrorLine,
    bool OnFirstLine,
    string Reason);
