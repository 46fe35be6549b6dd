namespace Ltv.EventStore.Projections;

/// <summary>Where a projection stands in the log.</summary>
/// <param name="Name">The projection's name.</param>
/// <param name="Version">The projection version that wrote its current data.</param>
/// <param name="Position">The last log position it has applied.</param>
/// <param name="State">running, inline, rebuilding or failed.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="UpdatedAt">When its progress last moved.</param>
public sealed record ProjectionProgress(
    string Name, int Version, LogPosition Position, string State, string? Error, DateTimeOffset UpdatedAt);
