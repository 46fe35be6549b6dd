using System.Threading.Channels;
using Ltv.Domain.Input;
using Ltv.EventStore;
using Ltv.EventStore.Appending;

namespace Ltv.Host.Ingestion;

/// <summary>
/// Ingests sources as one run. Reading and validating (CPU) overlap with appending (database): a reader
/// task fills batches into a small bounded channel, and this task commits them one transaction each,
/// together with the batch's rejections and counters. Memory stays at a few batches whatever the input size.
/// </summary>
public sealed class IngestHandler(PostgresEventStore store, IngestRunStore runs, IngestSettings settings)
{
    public async Task<IngestSummary> HandleAsync(
        IReadOnlyList<IngestSource> sources, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var runId = await runs.StartAsync(sources.Select(s => s.Name).ToList(), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAll(sources, runId, batches.Writer, stop.Token), stop.Token);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                await CommitAsync(runId, batch, ct);
                if (batch.Progress is { } p)
                {
                    progress?.Report(p);
                }
            }
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            await Task.WhenAny(reading);
            await MarkFailedAsync(runId, e);
            throw;
        }

        var fatal = await reading;
        await runs.FinishAsync(runId, fatal is null ? IngestRunStatus.Completed : IngestRunStatus.Failed, fatal, ct);
        return await runs.SummaryAsync(runId, ct);
    }

    /// <summary>Reads every source into batches. Returns the fatal problems, one line, or null.</summary>
    private async Task<string?> ReadAll(
        IReadOnlyList<IngestSource> sources, long runId, ChannelWriter<PendingBatch> writer, CancellationToken ct)
    {
        var problems = new List<string>();
        long read = 0;
        try
        {
            for (var index = 0; index < sources.Count; index++)
            {
                var source = sources[index];
                var batch = new PendingBatch();
                await foreach (var record in RawEventReader.ReadAsync(source.Content, options: null, ct))
                {
                    RecordClassifier.Classify(record, source.Name, runId, batch);
                    if (record.Kind == RawRecordKind.Fatal)
                    {
                        problems.Add($"{source.Name}: {record.Problem}");
                    }

                    if (batch.Read >= settings.BatchSize)
                    {
                        read += batch.Read;
                        batch.Progress = new IngestProgress(index, source.Name, Position(source), source.Length, read);
                        await writer.WriteAsync(batch, ct);
                        batch = new PendingBatch();
                    }
                }

                read += batch.Read;
                batch.Progress = new IngestProgress(index, source.Name, source.Length ?? Position(source), source.Length, read);
                await writer.WriteAsync(batch, ct);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private async Task CommitAsync(long runId, PendingBatch batch, CancellationToken ct)
    {
        await store.AppendAsync(batch.Events, async (connection, transaction, result, token) =>
        {
            var rejections = new List<Rejection>(batch.Rejections);
            for (var i = 0; i < result.Outcomes.Count; i++)
            {
                if (result.Outcomes[i] == AppendOutcome.ConflictingDuplicate)
                {
                    rejections.Add(batch.Origins[i]);
                }
            }

            var counts = new BatchCounts(
                batch.Read, result.AppendedCount, result.DuplicateCount, rejections.Count - batch.Rejections.Count, batch.Rejections.Count);
            await runs.RecordBatchAsync(connection, transaction, runId, counts, rejections, token);
        }, ct);
    }

    /// <summary>Best effort: the run's committed batches stay; the record says why it ended early.</summary>
    private async Task MarkFailedAsync(long runId, Exception e)
    {
        var why = e is OperationCanceledException ? "stopped before the end of the input" : $"ended early: {e.Message}";
        try
        {
            await runs.FinishAsync(runId, IngestRunStatus.Failed, why, CancellationToken.None);
        }
        catch (Exception ignored) when (ignored is EventStoreUnavailableException or Npgsql.NpgsqlException)
        {
            // The database is gone: the run stays "running"; its counters still match what was committed.
        }
    }

    private static long Position(IngestSource source) => source.Content.CanSeek ? source.Content.Position : 0;
}

/// <summary>Ingest tuning.</summary>
/// <param name="BatchSize">Records per append transaction.</param>
public sealed record IngestSettings(int BatchSize = 5000);
