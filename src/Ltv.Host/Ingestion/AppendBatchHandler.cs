using Ltv.Projections.Store;
using Marten;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Ltv.Host.Ingestion;

/// <summary>
/// Handles <see cref="AppendBatch"/> in the Marten session Wolverine opens for it; Wolverine's transactional
/// middleware commits it when the handler returns (LtvStartup), with the inline CustomerLifetime documents.
/// </summary>
public static class AppendBatchHandler
{
    /// <summary>
    /// A commit refused because another writer stored some of the batch meanwhile (or a deadlock with such a writer)
    /// rolled back whole: Wolverine runs the handler again, in a new session, which classifies the batch afresh.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        chain.OnException(EventLogAppender.IsOverlapWithAnotherWriter).RetryTimes(EventLogAppender.MaxAttempts - 1);
    }

    public static async Task<AppendResult> Handle(AppendBatch command, IDocumentSession session, IngestRunStore runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(runs);
        var batch = command.Batch;
        var result = await EventLogAppender.StageAsync(session, batch.Events, ct);
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
        runs.RecordBatch(session, command.RunId, counts, rejections);
        return result;
    }
}
