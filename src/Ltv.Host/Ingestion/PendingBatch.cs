using Ltv.Domain.Events;

namespace Ltv.Host.Ingestion;

/// <summary>The records of one batch, on their way from the reader to one append transaction.</summary>
public sealed class PendingBatch : IRecordSink
{
    public List<CustomerEvent> Events { get; } = [];

    /// <summary>Where each event came from, in the same order as <see cref="Events"/>, for conflicting duplicates.</summary>
    public List<Rejection> Origins { get; } = [];

    public List<Rejection> Rejections { get; } = [];

    public long Read => Events.Count + Rejections.Count;

    public IngestProgress? Progress { get; set; }

    public void Accept(CustomerEvent newEvent, Rejection origin)
    {
        Events.Add(newEvent);
        Origins.Add(origin);
    }

    public void Reject(Rejection rejection) => Rejections.Add(rejection);
}
