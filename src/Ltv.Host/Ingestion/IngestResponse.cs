namespace Ltv.Host.Ingestion;

/// <summary>
/// The answer to POST /api/events: the run's summary (the fields of `ltv ingest --format json`) and its
/// rejections with their position and reason (the first <see cref="ApiSettings.RejectionsInResponse"/>).
/// </summary>
public sealed record IngestResponse(
    long RunId,
    string Status,
    long Read,
    long Accepted,
    long Duplicates,
    long Conflicting,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    string? Message,
    bool Completed,
    IReadOnlyList<RejectionResponse> Rejections,
    bool RejectionsTruncated)
{
    public static IngestResponse From(IngestSummary s, IReadOnlyList<RejectedEvent> rejections, int shown)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rejections);
        return new IngestResponse(
            s.RunId, s.Status, s.Read, s.Accepted, s.Duplicates, s.Conflicting, s.Rejected, s.RejectedByReason, s.Message, s.Completed,
            [.. rejections.Take(shown).Select(r => new RejectionResponse(r.Index, r.ByteOffset, r.Reason, r.Detail))],
            rejections.Count > shown);
    }
}

/// <summary>Where a rejected record was in the body and why it was not accepted.</summary>
/// <param name="Index">The record's position in the body, from 0.</param>
/// <param name="ByteOffset">Its first byte (of the decompressed body).</param>
/// <param name="Reason">Why, as counted in rejectedByReason ("invalid event_time", "conflicting duplicate", ...).</param>
/// <param name="Detail">More about it, when there is more (a JSON syntax error's position and cause).</param>
public sealed record RejectionResponse(long Index, long ByteOffset, string Reason, string? Detail);
