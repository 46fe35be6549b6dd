using Ltv.Domain.Events;

namespace Ltv.Host.Ingestion;

/// <summary>Where <see cref="RecordClassifier"/> puts each record: one batch, or the batch of the record's writer.</summary>
internal interface IRecordSink
{
    /// <summary>An event to append, and where it came from (recorded if it turns out a conflicting duplicate).</summary>
    void Accept(CustomerEvent newEvent, Rejection origin);

    /// <summary>A record that is not appended, with its reason.</summary>
    void Reject(Rejection rejection);
}
