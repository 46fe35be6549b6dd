namespace Ltv.Host.Ingestion.Rejections;

/// <summary>A stored rejection, as `ltv rejected --format json` and GET /api/rejected write it.</summary>
public sealed record RejectedEventResponse(
    long Id, long RunId, string Source, long Index, long ByteOffset, string Reason, string? Detail, string Raw, DateTimeOffset RecordedAt, long? RetriedBy)
{
    public static RejectedEventResponse From(RejectedEvent r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.RunId, r.Source, r.Index, r.ByteOffset, r.Reason, r.Detail, r.Text, r.RecordedAt, r.RetriedBy);
    }
}
