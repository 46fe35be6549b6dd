namespace Ltv.Host.Ingestion;

/// <summary>What an ingest run did. Read = Accepted + Duplicates + Rejected.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Status">completed, or failed when input ended in a fatal error.</param>
/// <param name="Read">Records read.</param>
/// <param name="Accepted">Events appended.</param>
/// <param name="Duplicates">Events already stored (including conflicting ones).</param>
/// <param name="Conflicting">Duplicates whose payload differs from the stored event (also listed as rejected events).</param>
/// <param name="Rejected">Records not accepted.</param>
/// <param name="RejectedByReason">Rejected records per reason.</param>
/// <param name="Message">Why the run failed, in one line; null when it completed.</param>
public sealed record IngestSummary(
    long RunId,
    string Status,
    long Read,
    long Accepted,
    long Duplicates,
    long Conflicting,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    string? Message)
{
    public bool Completed => Status == IngestRunStatus.Completed;
}

/// <summary>The states of an ingest run.</summary>
public static class IngestRunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
