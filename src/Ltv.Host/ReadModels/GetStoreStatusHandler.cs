using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;

namespace Ltv.Host.ReadModels;

/// <summary>Answers <see cref="GetStoreStatus"/> from Marten's own records (mt_event_progression and the log).</summary>
public static class GetStoreStatusHandler
{
    public static Task<StoreStatus> Handle(GetStoreStatus query, ReadModelCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.StatusAsync(ct);
    }
}
