namespace Ltv.Domain.Input;

/// <summary>Limits of <see cref="RawEventReader"/>.</summary>
/// <param name="MaxRecordBytes">The largest value accepted; larger ones are rejected without being buffered.</param>
/// <param name="MaxFatalTextBytes">How much of the unreadable rest of an input a Fatal record keeps.</param>
/// <param name="ChunkBytes">How much is read from the stream at a time while records are small.</param>
public sealed record RawReaderOptions(
    int MaxRecordBytes = 16 * 1024 * 1024,
    int MaxFatalTextBytes = 64 * 1024,
    int ChunkBytes = 64 * 1024)
{
    // Keeps the window's arithmetic far from int overflow.
    private const int Gigabyte = 1024 * 1024 * 1024;

    public static RawReaderOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRecordBytes, Gigabyte);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFatalTextBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFatalTextBytes, Gigabyte);
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChunkBytes, Gigabyte / 16);
    }
}
