using Ltv.Domain.Events;

namespace Ltv.Host.Ingestion;

/// <summary>
/// The open batch of each writer. An event goes to the writer that owns its stream, so every stream is appended by
/// one writer, in input order: writers never wait for each other's stream locks, and stream versions still count a
/// stream's events in arrival order. Rejections have no stream; they all go to the first writer, which commits its
/// batches in input order, so that a run's rejections are stored (and listed) in input order too.
/// </summary>
internal sealed class WriterBatches : IRecordSink
{
    private readonly PendingBatch[] _open;

    public WriterBatches(int writers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _open = [.. Enumerable.Range(0, writers).Select(_ => new PendingBatch())];
    }

    /// <summary>The writer whose batch took the last record.</summary>
    public int LastWriter { get; private set; }

    public void Accept(CustomerEvent newEvent, Rejection origin)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        LastWriter = WriterOf(newEvent.CustomerId.Value);
        _open[LastWriter].Accept(newEvent, origin);
    }

    public void Reject(Rejection rejection)
    {
        LastWriter = 0;
        _open[LastWriter].Reject(rejection);
    }

    /// <summary>The batch of <paramref name="writer"/>, replaced by an empty one.</summary>
    public PendingBatch Take(int writer)
    {
        var batch = _open[writer];
        _open[writer] = new PendingBatch();
        return batch;
    }

    /// <summary>Every writer that holds records.</summary>
    public IEnumerable<int> WritersWithRecords => Enumerable.Range(0, _open.Length).Where(w => _open[w].Read > 0);

    public long ReadIn(int writer) => _open[writer].Read;

    // FNV-1a over the id's characters: stable across processes, unlike string.GetHashCode.
    private int WriterOf(string streamId)
    {
        var hash = 2166136261u;
        foreach (var c in streamId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_open.Length);
    }
}
