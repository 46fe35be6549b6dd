using Ltv.Projections.Store.Status;

namespace Ltv.Host.ReadModels;

/// <summary>The log and its read models as Marten records them, in `ltv status --format json` and GET /api/projections alike.</summary>
/// <param name="Head">The sequence number of the last committed event.</param>
/// <param name="Events">Events in the log.</param>
/// <param name="HighWaterMark">How far Marten's daemon knows the log to be gap-free.</param>
/// <param name="SkippedGaps">Gaps the daemon skipped because their transactions were gone.</param>
/// <param name="DeadLetterEvents">Events a read model could not apply and set aside.</param>
/// <param name="OldestOpenTransactionSeconds">The age of the oldest open writing transaction, which holds the async read models back.</param>
/// <param name="Projections">Each read model.</param>
/// <param name="Hosts">The serving hosts' last heartbeats.</param>
public sealed record StoreStatusResponse(
    long Head,
    long Events,
    long HighWaterMark,
    long SkippedGaps,
    long DeadLetterEvents,
    double? OldestOpenTransactionSeconds,
    IReadOnlyList<ProjectionStatusResponse> Projections,
    IReadOnlyList<HostStatusResponse> Hosts)
{
    public static StoreStatusResponse From(StoreStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Head, s.Events, s.HighWaterMark, s.SkippedGaps, s.DeadLetterEvents, s.OldestOpenTransactionSeconds,
            [.. s.Projections.Select(p => new ProjectionStatusResponse(p.Name, p.Inline, p.Position, p.Lag, p.LagSeconds, p.State, p.Error, p.RunBy))],
            [.. s.Hosts.Select(h => new HostStatusResponse(h.Name, h.Urls, h.ProcessId, h.StartedAt, h.HeartbeatAgeSeconds))]);
    }
}

/// <summary>One read model: position, lag in events and seconds, state, and the session that applies it (null: nobody, or inline).</summary>
public sealed record ProjectionStatusResponse(string Name, bool Inline, long Position, long Lag, double LagSeconds, string State, string? Error, string? RunBy);

/// <summary>A serving host: its name, where it listens, and the age of its last heartbeat in seconds.</summary>
public sealed record HostStatusResponse(string Name, string Urls, int ProcessId, DateTimeOffset StartedAt, double HeartbeatAgeSeconds);
