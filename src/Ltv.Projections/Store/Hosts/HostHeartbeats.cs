using Marten;

namespace Ltv.Projections.Store.Hosts;

/// <summary>Stores and removes a serving host's <see cref="HostHeartbeat"/>.</summary>
public sealed class HostHeartbeats(IDocumentStore store)
{
    /// <summary>How often a host beats: a heartbeat older than a few of these is a host that died without stopping.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public async Task BeatAsync(HostHeartbeat heartbeat, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(heartbeat);
        await session.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(string name, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Delete<HostHeartbeat>(name);
        await session.SaveChangesAsync(ct);
    }
}
