namespace Ltv.Host.Ingestion.Runs;

/// <summary>Answers <see cref="GetIngestRuns"/> from the stored ingest runs.</summary>
public static class GetIngestRunsHandler
{
    public static Task<IReadOnlyList<IngestSummary>> Handle(GetIngestRuns query, IngestRunStore runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(runs);
        return runs.ListAsync(runId: null, query.Limit, ct);
    }
}
