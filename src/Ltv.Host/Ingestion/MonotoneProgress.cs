namespace Ltv.Host.Ingestion;

/// <summary>
/// Passes on progress reports from several writers, dropping any that would move backwards: writers commit their
/// batches in their own time, so a batch read later may be committed first.
/// </summary>
internal sealed class MonotoneProgress(IProgress<IngestProgress>? inner)
{
    private readonly Lock _gate = new();
    private long _reported = -1;

    public void Report(IngestProgress? progress)
    {
        if (inner is null || progress is null)
        {
            return;
        }

        lock (_gate)
        {
            if (progress.Read <= _reported)
            {
                return;
            }

            _reported = progress.Read;
            inner.Report(progress);
        }
    }
}
