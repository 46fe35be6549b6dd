namespace Ltv.Host.Ingestion.Rejections;

/// <summary>A run that does not exist is a mistake to report, not an empty list or a retry of nothing.</summary>
internal static class RunCheck
{
    public static async Task EnsureExistsAsync(IngestRunStore runs, long? runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runId is { } id && (await runs.ListAsync(id, 1, ct)).Count == 0)
        {
            throw new UserError($"There is no ingest run {id}; 'ltv ingests' lists the runs.");
        }
    }
}
