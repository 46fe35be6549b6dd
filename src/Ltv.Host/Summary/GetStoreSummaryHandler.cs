using Ltv.Projections.Store;
using Ltv.Projections.Store.Summary;

namespace Ltv.Host.Summary;

/// <summary>Answers <see cref="GetStoreSummary"/> from the log, the CustomerLifetime documents and Marten's progress records.</summary>
public static class GetStoreSummaryHandler
{
    public static async Task<StoreSummaryAnswer> Handle(GetStoreSummary query, StoreSummaryQuery summary, ReadModelCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(catalog);
        return new StoreSummaryAnswer(await summary.ExecuteAsync(ct), (await catalog.StatusAsync(ct)).Projections);
    }
}
