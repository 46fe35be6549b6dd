namespace Ltv.Host.Ingestion.Rejections;

/// <summary>Answers <see cref="GetRejections"/> from the stored rejections.</summary>
public static class GetRejectionsHandler
{
    public static async Task<IReadOnlyList<RejectedEvent>> Handle(
        GetRejections query, RejectedEventStore rejected, IngestRunStore runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rejected);
        await RunCheck.EnsureExistsAsync(runs, query.RunId, ct);
        return await rejected.ListAsync(query.RunId, string.IsNullOrEmpty(query.Reason) ? null : query.Reason, query.All, query.AfterId, query.Limit, ct);
    }
}
