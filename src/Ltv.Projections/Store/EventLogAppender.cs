using JasperFx.Events;
using Ltv.Domain.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>
/// Appends a batch of events once, whoever else appends the same ones (DESIGN.md, "Identity and duplicates"). The
/// events already stored are looked up by their ids and left out, then the rest is appended in one transaction,
/// together with whatever <c>alongside</c> adds to the session (the batch's rejections and counters). The lookup only
/// saves work: the unique index on event ids is the arbiter, and when a concurrent writer stored some of the batch
/// in between, PostgreSQL refuses the transaction and the batch is classified and tried again.
/// Quick append with CustomerLifetime inline, never Marten's bulk insert of events: that one commits on its own
/// connection without the documents and moves the high-water mark past other writers' open transactions
/// (docs/MARTEN.md, "Ingest at 1M events"; MartenBulkInsertLimitsTests).
/// </summary>
public sealed class EventLogAppender(IDocumentStore store)
{
    /// <summary>
    /// Each retry follows a commit of another writer that overlapped this batch, which makes progress; the bound only
    /// keeps a fault that merely looks like an overlap from looping for ever.
    /// </summary>
    public const int MaxAttempts = 20;

    public async Task<AppendResult> AppendAsync(
        IReadOnlyList<CustomerEvent> events, Action<IDocumentSession, AppendResult>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var result = await StageAsync(session, events, ct);
            alongside?.Invoke(session, result);
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsOverlapWithAnotherWriter(e))
            {
                // Another writer committed some of these events, or to one of these streams, since the lookup, or
                // PostgreSQL chose this transaction to end a deadlock with such a writer: the transaction rolled back
                // whole, so classify the batch again.
            }
        }
    }

    /// <summary>
    /// Stages the batch in <paramref name="session"/>: opens its transaction, holds the append gate shared, leaves out
    /// the events already stored, and appends the rest. The caller commits (or a retry stages again in a new session
    /// when the commit fails with <see cref="IsOverlapWithAnotherWriter"/>).
    /// </summary>
    public static async Task<AppendResult> StageAsync(IDocumentSession session, IReadOnlyList<CustomerEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var ids = events.Select(e => e.Identity.EventId).ToArray();
        await session.BeginTransactionAsync(ct);
        await AppendGate.EnterAsync(session.Connection!, session.DocumentStore.Options.DatabaseSchemaName, ct);
        var stored = await StoredAsync(session, ids, ct);
        var result = new AppendResult(Classify(events, ids, stored));
        // Streams in one order for every writer: two writers that create the same new streams lock their rows in
        // mt_streams in the same order, so neither waits on the other in a cycle.
        var streams = events
            .Where((_, i) => result.Outcomes[i] == AppendOutcome.Appended)
            .GroupBy(e => e.CustomerId.Value)
            .OrderBy(stream => stream.Key, StringComparer.Ordinal)
            .ToList();

        // Each stream is appended at the version read here, before the inline projection loads its document: a writer
        // that commits to one of these streams in between makes Marten refuse this append (the version check of its
        // quick append function, EventStreamUnexpectedMaxEventIdException), and the batch is classified again, so no
        // commit folds its events onto a document that misses another writer's.
        var versions = await StreamVersionsAsync(session, [.. streams.Select(s => s.Key)], ct);
        foreach (var stream in streams)
        {
            var wrapped = stream.Select(StoredEvents.Wrap).ToArray();
            session.Events.Append(stream.Key, versions.GetValueOrDefault(stream.Key) + wrapped.Length, wrapped);
        }

        return result;
    }

    /// <summary>The current version of each stream that exists (read only: Marten's streams table, in the batch's transaction).</summary>
    private static async Task<Dictionary<string, long>> StreamVersionsAsync(IDocumentSession session, string[] keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select id, version from {session.DocumentStore.Options.DatabaseSchemaName}.mt_streams where id = any(@keys)", session.Connection);
        command.Parameters.Add(new NpgsqlParameter("keys", keys));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, long>(keys.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    /// <summary>
    /// A unique event id stored meanwhile (23505), or a stream whose version moved since this batch read it: Marten's
    /// quick append refuses it (MT003, <see cref="EventStreamUnexpectedMaxEventIdException"/>). Or a
    /// deadlock (40P01) with a writer of the same events: the streams are locked in one order, but the events of one
    /// stream arrive in each file's own order, and each insert waits on the other writer's copy of an event id.
    /// </summary>
    public static bool IsOverlapWithAnotherWriter(Exception e) =>
        e is EventStreamUnexpectedMaxEventIdException
        || e is MartenCommandException
        {
            InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected },
        };

    private static async Task<Dictionary<Guid, object>> StoredAsync(IQuerySession session, Guid[] ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToArray();
        var stored = await session.Events.QueryAllRawEvents().Where(e => e.Id.IsOneOf(distinct)).ToListAsync(ct);
        return stored.ToDictionary(e => e.Id, e => e.Data);
    }

    /// <summary>Stored or earlier in the batch: a duplicate, conflicting when its content differs from the first copy.</summary>
    private static AppendOutcome[] Classify(IReadOnlyList<CustomerEvent> events, Guid[] ids, Dictionary<Guid, object> stored)
    {
        var first = new Dictionary<Guid, object>(stored);
        var outcomes = new AppendOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (first.TryGetValue(ids[i], out var known))
            {
                outcomes[i] = Equals(known, events[i]) ? AppendOutcome.Duplicate : AppendOutcome.ConflictingDuplicate;
                continue;
            }

            first[ids[i]] = events[i];
            outcomes[i] = AppendOutcome.Appended;
        }

        return outcomes;
    }
}
