using Ltv.EventStore.Projections;

namespace Ltv.Host.Api.Contracts;

/// <summary>The log and its projections, as `ltv status --format json` prints them.</summary>
public sealed record StoreStatusResponse(string Head, long Events, double? OldestOpenTransactionSeconds, IReadOnlyList<ProjectionStatusResponse> Projections)
{
    public static StoreStatusResponse From(StoreStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Head.ToString(), s.Events, s.OldestOpenTransactionSeconds,
            [.. s.Projections.Select(p => new ProjectionStatusResponse(
                p.Name, p.Version, p.CodeVersion, p.Inline, p.Position.ToString(), p.Lag, p.LagSeconds, p.State, p.Error,
                p.RebuildPosition?.ToString()))]);
    }
}

/// <summary>One projection: versions (stored and in the code), position, lag in events and seconds, state.</summary>
public sealed record ProjectionStatusResponse(
    string Name, int Version, int CodeVersion, bool Inline, string Position, long Lag, double LagSeconds, string State, string? Error, string? RebuildPosition);

/// <summary>What a rebuild did.</summary>
/// <param name="Projection">The projection rebuilt.</param>
/// <param name="Events">Events replayed into the new copy.</param>
/// <param name="ElapsedSeconds">How long it took, the switch included.</param>
/// <param name="SwitchMilliseconds">How long the final switch held writers back.</param>
public sealed record RebuildResponse(string Projection, long Events, double ElapsedSeconds, double SwitchMilliseconds)
{
    public static RebuildResponse From(RebuildResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Projection, r.Events, Math.Round(r.Elapsed.TotalSeconds, 3), Math.Round(r.Switch.TotalMilliseconds, 1));
    }
}

/// <summary>GET /health: the database reachable, and how far each projection is behind the log.</summary>
/// <param name="Status">healthy; degraded when a projection has stopped on an event; unhealthy when the database is unreachable.</param>
/// <param name="Database">reachable or unreachable.</param>
/// <param name="Head">The position of the last committed event.</param>
/// <param name="Projections">Each projection's state and lag.</param>
/// <param name="Error">Why the database is unreachable.</param>
public sealed record HealthResponse(string Status, string Database, string? Head, IReadOnlyList<ProjectionHealth> Projections, string? Error);

/// <summary>One projection's state and lag, in events and in seconds.</summary>
public sealed record ProjectionHealth(string Name, string State, long Lag, double LagSeconds);
