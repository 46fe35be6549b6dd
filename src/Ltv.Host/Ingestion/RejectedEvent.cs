namespace Ltv.Host.Ingestion;

/// <summary>A stored rejection, as listed by `ltv rejected`.</summary>
public sealed record RejectedEvent(
    long Id, long RunId, string Source, long Index, long ByteOffset, string Reason, string? Detail, byte[] Raw,
    DateTimeOffset RecordedAt, long? RetriedBy)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Raw);
}
