using Ltv.Projections.Store;

namespace Ltv.Host.ReadModels;

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
