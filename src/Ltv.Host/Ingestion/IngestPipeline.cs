using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Ltv.Domain.Input;
using Ltv.Host.Composition;
using Ltv.Projections.Store;
using Wolverine;
using Wolverine.Runtime;

namespace Ltv.Host.Ingestion;

/// <summary>
/// Ingests sources as one run. Reading and validating (CPU) overlap with appending (database): a reader task fills
/// batches into small bounded channels, one per writer, and each writer sends its batches to the bus one
/// <see cref="AppendBatch"/> command at a time, each one transaction with the batch's rejections and counters. Each
/// writer owns a share of the streams (see <see cref="WriterBatches"/>), so writers run side by side without touching
/// each other's rows, and the database works on more than one core. Memory stays at a few batches per writer,
/// whatever the input size.
/// </summary>
public sealed class IngestPipeline(IWolverineRuntime messages, IngestRunStore runs, IngestSettings settings)
{
    public async Task<IngestSummary> RunAsync(
        IReadOnlyList<IngestSource> sources, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var runId = await runs.StartAsync(sources.Select(s => s.Name).ToList(), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channels = Enumerable.Range(0, settings.Writers)
            .Select(_ => Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var reporter = new MonotoneProgress(progress);
        var reading = Task.Run(() => ReadAll(sources, runId, [.. channels.Select(c => c.Writer)], stop.Token), stop.Token);
        var writing = channels.Select(c => Task.Run(() => WriteAll(runId, c.Reader, reporter, ct, stop.Token), stop.Token)).ToArray();

        try
        {
            await Task.WhenAll(writing);
        }
        catch (Exception e)
        {
            // Awaiting all writers throws the first one's failure (a cancellation it caused in the others is not one).
            await stop.CancelAsync();
            await Task.WhenAny(Task.WhenAll(writing));
            await Task.WhenAny(reading);
            // When the caller stopped the ingest, that is the outcome, whatever the stop made a writer's commit throw.
            var cause = ct.IsCancellationRequested ? new OperationCanceledException(ct) : e;
            await MarkFailedAsync(runId, cause);
            ExceptionDispatchInfo.Throw(cause);
        }

        var fatal = await reading;
        await runs.FinishAsync(runId, fatal is null ? IngestRunStatus.Completed : IngestRunStatus.Failed, fatal, ct);
        return await runs.SummaryAsync(runId, ct);
    }

    /// <summary>
    /// Commits one writer's batches in order. A batch in flight finishes with <paramref name="ct"/> (the caller's
    /// token): when another writer fails, <paramref name="stop"/> ends the loop between batches, never inside one.
    /// </summary>
    private async Task WriteAll(
        long runId, ChannelReader<PendingBatch> batches, MonotoneProgress reporter, CancellationToken ct, CancellationToken stop)
    {
        await foreach (var batch in batches.ReadAllAsync(stop))
        {
            await CommitAsync(runId, batch, ct);
            reporter.Report(batch.Progress);
        }
    }

    /// <summary>Reads every source into batches. Returns the fatal problems, one line, or null.</summary>
    private async Task<string?> ReadAll(
        IReadOnlyList<IngestSource> sources, long runId, ChannelWriter<PendingBatch>[] writers, CancellationToken ct)
    {
        var problems = new List<string>();
        long read = 0;
        try
        {
            for (var index = 0; index < sources.Count; index++)
            {
                var source = sources[index];
                var open = new WriterBatches(writers.Length);
                var content = new SourceContent();
                await foreach (var record in RawEventReader.ReadAsync(source.Content, options: null, ct))
                {
                    RecordClassifier.Classify(record, source.Name, runId, open);
                    content.Add(record);

                    if (open.ReadIn(open.LastWriter) >= settings.BatchSize)
                    {
                        read += open.ReadIn(open.LastWriter);
                        await SendAsync(open, open.LastWriter, new IngestProgress(index, source.Name, Position(source), source.Length, read));
                    }
                }

                if (content.Problem is { } problem)
                {
                    problems.Add($"{source.Name}: {problem}");
                }

                // The rest of the source; an empty batch when nothing is left, so that the end of the source is reported.
                var rest = open.WritersWithRecords.DefaultIfEmpty(0).ToList();
                read += rest.Sum(open.ReadIn);
                foreach (var writer in rest)
                {
                    await SendAsync(open, writer, new IngestProgress(index, source.Name, source.Length ?? Position(source), source.Length, read));
                }
            }

            foreach (var writer in writers)
            {
                writer.Complete();
            }
        }
        catch (Exception e)
        {
            foreach (var writer in writers)
            {
                writer.TryComplete(e);
            }

            throw;
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);

        async Task SendAsync(WriterBatches open, int writer, IngestProgress progress)
        {
            var batch = open.Take(writer);
            batch.Progress = progress;
            await writers[writer].WriteAsync(batch, ct);
        }
    }

    private Task CommitAsync(long runId, PendingBatch batch, CancellationToken ct) =>
        new MessageBus(messages).InvokeAsync<AppendResult>(new AppendBatch(runId, batch), ct);

    /// <summary>Best effort: the run's committed batches stay; the record says why it ended early.</summary>
    private async Task MarkFailedAsync(long runId, Exception e)
    {
        var why = e is OperationCanceledException ? "stopped before the end of the input" : $"ended early: {e.Message}";
        try
        {
            await runs.FinishAsync(runId, IngestRunStatus.Failed, why, CancellationToken.None);
        }
        catch (Exception ignored) when (ignored is DatabaseUnavailableException or Npgsql.NpgsqlException)
        {
            // The database is gone: the run stays "running"; its counters still match what was committed.
        }
    }

    private static long Position(IngestSource source) => source.Content.CanSeek ? source.Content.Position : 0;
}

/// <summary>Ingest tuning.</summary>
/// <param name="BatchSize">Records per append transaction.</param>
/// <param name="Writers">Append transactions running side by side, each on its own share of the streams.</param>
public sealed record IngestSettings(int BatchSize = LtvOptions.DefaultBatchSize, int Writers = LtvOptions.DefaultIngestWriters);
