using Ltv.Domain.Input;
using Ltv.Domain.Validation;
using Ltv.Domain.Events;
using Ltv.Projections.Store;

namespace Ltv.Host.Ingestion;

/// <summary>What a retry did.</summary>
/// <param name="RunId">The retry's own ingest run.</param>
/// <param name="Retried">Rejections looked at.</param>
/// <param name="Resolved">Rejections whose records now pass (appended, or already stored).</param>
/// <param name="Accepted">Events appended.</param>
/// <param name="StillRejected">Rejections left as they were, per reason they fail for now.</param>
public sealed record RetrySummary(long RunId, long Retried, long Resolved, long Accepted, IReadOnlyDictionary<string, long> StillRejected);

/// <summary>
/// Runs stored rejections through the current reader and validation again (after a fix, or after a rule
/// was relaxed), appends what passes now, and marks those rejections resolved by the retry's run in the
/// same transaction. The rest stay as they were. Conflicting duplicates are left alone: appending them can
/// never succeed, their point is to show the difference.
/// </summary>
public sealed class RejectedRetryHandler(EventLogAppender appender, IngestRunStore runs, RejectedEventStore rejected)
{
    private const int BatchSize = 1000;

    public async Task<RetrySummary> HandleAsync(long? runId, string? reason, CancellationToken ct)
    {
        var retryRun = await runs.StartAsync([runId is { } r ? $"retry of run {r}" : "retry of rejected events"], ct);
        var stillRejected = new Dictionary<string, long>(StringComparer.Ordinal);
        long retried = 0, resolved = 0, accepted = 0, afterId = 0;
        while (true)
        {
            var page = await rejected.ListAsync(runId, reason, includeResolved: false, afterId, BatchSize, ct);
            if (page.Count == 0)
            {
                break;
            }

            // The next page starts after this one whatever the filter leaves: a page made only of conflicting
            // duplicates must not end the retry.
            afterId = page[^1].Id;
            var rows = page.Where(x => x.Reason != RejectionReasons.ConflictingDuplicate && x.RunId != retryRun).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var (events, owners, failures) = await ClassifyAsync(rows, retryRun, ct);
            foreach (var failure in failures)
            {
                stillRejected[failure.Value] = stillRejected.GetValueOrDefault(failure.Value) + 1;
            }

            var ids = new List<long>();
            var result = await appender.AppendAsync(events, (session, appended) =>
            {
                // Classified again on each attempt of the append: only the last attempt's rejections count.
                var blocked = owners.Where((_, i) => appended.Outcomes[i] == AppendOutcome.ConflictingDuplicate).ToHashSet();
                ids = [.. rows.Select(x => x.Id).Where(id => !failures.ContainsKey(id) && !blocked.Contains(id))];
                rejected.MarkResolved(session, ids, retryRun);
                var counts = new BatchCounts(events.Count, appended.AppendedCount, appended.DuplicateCount, 0, 0);
                runs.RecordBatch(session, retryRun, counts, []);
            }, ct);
            resolved += ids.Count;
            retried += rows.Count;
            accepted += result.AppendedCount;
        }

        await runs.FinishAsync(retryRun, IngestRunStatus.Completed, $"retried {retried} rejected events: {resolved} resolved", ct);
        return new RetrySummary(retryRun, retried, resolved, accepted, stillRejected);
    }

    /// <summary>Reads each rejection's bytes again: the events that pass, which rejection each came from, and why the rest fail.</summary>
    private static async Task<(List<CustomerEvent> Events, List<long> Owners, Dictionary<long, string> Failures)> ClassifyAsync(
        IReadOnlyList<RejectedEvent> rows, long retryRun, CancellationToken ct)
    {
        var events = new List<CustomerEvent>();
        var owners = new List<long>();
        var failures = new Dictionary<long, string>();
        foreach (var row in rows)
        {
            var batch = new PendingBatch();
            using var content = new MemoryStream(row.Raw);
            await foreach (var record in RawEventReader.ReadAsync(content, options: null, ct))
            {
                RecordClassifier.Classify(record, row.Source, retryRun, batch);
            }

            if (batch.Rejections.Count > 0 || batch.Events.Count == 0)
            {
                failures[row.Id] = batch.Rejections.FirstOrDefault()?.Reason ?? RejectionReasons.InvalidJson;
                continue;
            }

            events.AddRange(batch.Events);
            owners.AddRange(batch.Events.Select(_ => row.Id));
        }

        return (events, owners, failures);
    }
}
