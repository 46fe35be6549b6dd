using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;

namespace Ltv.Host.Api.Contracts;

/// <summary>The log and its read models as Marten records them, as `ltv status --format json` prints them.</summary>
/// <param name="Head">The sequence number of the last committed event.</param>
/// <param name="Events">Events in the log.</param>
/// <param name="HighWaterMark">How far Marten's daemon knows the log to be gap-free.</param>
/// <param name="SkippedGaps">Gaps the daemon skipped because their transactions were gone.</param>
/// <param name="DeadLetterEvents">Events a read model could not apply and set aside.</param>
/// <param name="OldestOpenTransactionSeconds">The age of the oldest open writing transaction, which holds the async read models back.</param>
/// <param name="Projections">Each read model.</param>
public sealed record StoreStatusResponse(
    long Head,
    long Events,
    long HighWaterMark,
    long SkippedGaps,
    long DeadLetterEvents,
    double? OldestOpenTransactionSeconds,
    IReadOnlyList<ProjectionStatusResponse> Projections)
{
    public static StoreStatusResponse From(StoreStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Head, s.Events, s.HighWaterMark, s.SkippedGaps, s.DeadLetterEvents, s.OldestOpenTransactionSeconds,
            [.. s.Projections.Select(p => new ProjectionStatusResponse(p.Name, p.Inline, p.Position, p.Lag, p.LagSeconds, p.State, p.Error))]);
    }
}

/// <summary>One read model: position, lag in events and seconds, state.</summary>
public sealed record ProjectionStatusResponse(string Name, bool Inline, long Position, long Lag, double LagSeconds, string State, string? Error);

/// <summary>What a rebuild did.</summary>
/// <param name="Projection">The read model rebuilt.</param>
/// <param name="Events">Events in the log it was rebuilt from.</param>
/// <param name="ElapsedSeconds">How long it took.</param>
public sealed record RebuildResponse(string Projection, long Events, double ElapsedSeconds)
{
    public static RebuildResponse From(RebuildResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Projection, r.Events, Math.Round(r.Elapsed.TotalSeconds, 3));
    }
}

/// <summary>GET /health: the database reachable, and how far each read model is behind the log.</summary>
/// <param name="Status">healthy; degraded when a read model has stopped on an event; unhealthy when the database is unreachable.</param>
/// <param name="Database">reachable or unreachable.</param>
/// <param name="Head">The sequence number of the last committed event.</param>
/// <param name="Projections">Each read model's state and lag.</param>
/// <param name="Error">Why the database is unreachable.</param>
public sealed record HealthResponse(string Status, string Database, long? Head, IReadOnlyList<ProjectionHealth> Projections, string? Error);

/// <summary>One read model's state and lag, in events and in seconds.</summary>
public sealed record ProjectionHealth(string Name, string State, long Lag, double LagSeconds);
