using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;

namespace Ltv.Host.ReadModels;

/// <summary>
/// Answers <see cref="GetHealth"/> from the read models' status: healthy, degraded when one has stopped on an event,
/// unhealthy (with the reason) when the database cannot be reached.
/// </summary>
public static class GetHealthHandler
{
    public static async Task<HealthResponse> Handle(GetHealth query, ReadModelCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            var status = await catalog.StatusAsync(ct);
            var failed = status.Projections.Any(p => p.State == ProjectionStates.Failed);
            var projections = status.Projections.Select(p => new ProjectionHealth(p.Name, p.State, p.Lag, p.LagSeconds)).ToList();
            return new HealthResponse(failed ? "degraded" : "healthy", "reachable", status.Head, projections, Error: null);
        }
        catch (Exception e) when (e is DatabaseUnavailableException || DatabaseUnavailable.Is(e))
        {
            var why = e is DatabaseUnavailableException ? e.Message : DatabaseUnavailable.Describe(e);
            return new HealthResponse("unhealthy", "unreachable", Head: null, [], why);
        }
    }
}
