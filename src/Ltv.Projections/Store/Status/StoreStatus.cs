using Ltv.Projections.Store.Hosts;

namespace Ltv.Projections.Store.Status;

/// <summary>How the log and its read models stand, as Marten records it.</summary>
/// <param name="Head">The sequence number of the last committed event (0 for an empty log).</param>
/// <param name="Events">Events in the log.</param>
/// <param name="HighWaterMark">How far the daemon knows the log to be gap-free: async read models never pass it.</param>
/// <param name="SkippedGaps">Gaps the daemon skipped because their transactions were gone (mt_high_water_skips).</param>
/// <param name="DeadLetterEvents">Events an async read model could not apply and set aside.</param>
/// <param name="OldestOpenTransactionSeconds">
/// The age of the oldest transaction on the server that holds a transaction id: a transaction that appended and has
/// not committed holds the high-water mark back (null when none is open).
/// </param>
/// <param name="Projections">One entry per read model, inline first.</param>
/// <param name="Hosts">The serving hosts that sent a heartbeat and have not stopped (oldest first).</param>
public sealed record StoreStatus(
    long Head,
    long Events,
    long HighWaterMark,
    long SkippedGaps,
    long DeadLetterEvents,
    double? OldestOpenTransactionSeconds,
    IReadOnlyList<ProjectionStatus> Projections,
    IReadOnlyList<HostStatus> Hosts);

/// <summary>One read model's state.</summary>
/// <param name="Name">Its name, as the command line takes it.</param>
/// <param name="Inline">Whether appends maintain it, in their own transaction.</param>
/// <param name="Position">The last sequence number applied (inline read models are always at the head).</param>
/// <param name="Lag">Events not applied yet.</param>
/// <param name="LagSeconds">The age of the oldest event not applied yet (0 when none).</param>
/// <param name="State">inline, running, failed (Marten's daemon paused it on an error) or rebuilding.</param>
/// <param name="Error">Why it paused, naming the event when Marten knows it.</param>
/// <param name="RunBy">
/// Who applies it now: the application name of the database session that holds Marten's HotCold lock for its live
/// copy (<c>ltv serve NAME</c> for a serving host, <c>ltv NAME</c> for a command catching up); null when nobody does,
/// and for an inline read model, which every append maintains.
/// </param>
public sealed record ProjectionStatus(string Name, bool Inline, long Position, long Lag, double LagSeconds, string State, string? Error, string? RunBy = null);

/// <summary>A serving host's last heartbeat.</summary>
/// <param name="Name">Its name (LTV_HOST_NAME).</param>
/// <param name="Urls">Where it listens.</param>
/// <param name="ProcessId">Its process id on its machine.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="HeartbeatAgeSeconds">
/// Seconds since its last heartbeat, by the database's clock: a few for a live host (it beats every
/// <see cref="HostHeartbeats.Interval"/>); more for one that died without stopping.
/// </param>
public sealed record HostStatus(string Name, string Urls, int ProcessId, DateTimeOffset StartedAt, double HeartbeatAgeSeconds);

/// <summary>The states a read model can be in.</summary>
public static class ProjectionStates
{
    public const string Inline = "inline";

    public const string Running = "running";

    /// <summary>Marten's daemon paused it on an error; the error says why.</summary>
    public const string Failed = "failed";

    public const string Rebuilding = "rebuilding";
}
