namespace Ltv.EventStore.Projections;

/// <summary>How the log and its projections stand.</summary>
/// <param name="Head">The position of the last committed event.</param>
/// <param name="Events">Events in the log.</param>
/// <param name="OldestOpenTransactionSeconds">
/// The age of the oldest transaction on the server that holds a transaction id: what holds every
/// subscription back (null when none is open).
/// </param>
/// <param name="Projections">One entry per projection.</param>
public sealed record StoreStatus(LogPosition Head, long Events, double? OldestOpenTransactionSeconds, IReadOnlyList<ProjectionStatus> Projections);

/// <summary>One projection's state.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">The version that wrote its data.</param>
/// <param name="CodeVersion">The version of the code running now; when it differs, the data is stale until rebuilt.</param>
/// <param name="Inline">Whether appends maintain it.</param>
/// <param name="Position">The last position applied (inline projections are always at the head).</param>
/// <param name="Lag">Events not applied yet.</param>
/// <param name="LagSeconds">The age of the oldest event not applied yet (0 when none).</param>
/// <param name="State">running, inline, failed, stale or rebuilding.</param>
/// <param name="Error">Why it failed, naming the event.</param>
/// <param name="RebuildPosition">Where a rebuild in progress has reached, if one is running.</param>
public sealed record ProjectionStatus(
    string Name,
    int Version,
    int CodeVersion,
    bool Inline,
    LogPosition Position,
    long Lag,
    double LagSeconds,
    string State,
    string? Error,
    LogPosition? RebuildPosition);
