using Ltv.EventStore.Reading;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>
/// Feeds one async projection from the gap-free global log, a batch per transaction: lock the progress
/// row, find the next slice, apply it, move the progress, commit. A crash anywhere rolls the whole
/// batch back, so every event is applied exactly once.
/// </summary>
public sealed class AsyncProjectionRunner(NpgsqlDataSource dataSource, SchemaName schema, IProjection projection, int batchSize = 10_000)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ProjectionProgressStore _progress = new(schema);
    private readonly GlobalLogReader _log = new(schema);

    /// <summary>The projection this runner feeds.</summary>
    public IProjection Projection => projection;

    /// <summary>
    /// Applies one batch of at most <paramref name="maxEvents"/> (default: the runner's batch size).
    /// Returns how many events it applied: 0 when caught up, or when the projection is failed.
    /// </summary>
    public async Task<int> RunBatchAsync(CancellationToken ct, int? maxEvents = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var applied = await ApplyNextAsync(connection, transaction, maxEvents ?? batchSize, appendsBlocked: false, ct);
        if (applied > 0)
        {
            await transaction.CommitAsync(ct);
        }

        return applied;
    }

    /// <summary>
    /// Applies the next slice inside the caller's transaction and moves the progress; returns its size.
    /// The caller commits. Used by <see cref="RunBatchAsync"/> and by a rebuild's final switch.
    /// </summary>
    public async Task<int> ApplyNextAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int maxEvents, bool appendsBlocked, CancellationToken ct)
    {
        var progress = await _progress.LockAsync(connection, transaction, projection.Name, ct);
        if (progress.State == ProjectionStates.Failed)
        {
            return 0;
        }

        var next = await _log.NextRangeAsync(connection, transaction, progress.Position, maxEvents, ct, appendsBlocked);
        if (next is not { } slice)
        {
            return 0;
        }

        await projection.ApplyAsync(connection, transaction, slice.Range, ct);
        await _progress.SaveAsync(connection, transaction, projection.Name, slice.Range.Until, ct);
        return slice.Count;
    }

    /// <summary>
    /// Applies batches until the projection has reached the head of the log as it was when the call began.
    /// Events behind a transaction that is still open elsewhere cannot be read yet (that is what makes the
    /// log gap-free), so it polls for them until <paramref name="maxWait"/> has passed.
    /// </summary>
    public async Task<CatchUpResult> CatchUpAsync(TimeSpan maxWait, CancellationToken ct, IProgress<long>? applied = null)
    {
        var target = await new PostgresEventStore(dataSource, schema, []).HeadAsync(ct);
        var deadline = DateTimeOffset.UtcNow + maxWait;
        long total = 0;
        while (true)
        {
            var count = await PostgresErrors.Translate(() => RunBatchAsync(ct));
            total += count;
            if (count > 0)
            {
                applied?.Report(total);
                continue;
            }

            var progress = await ProgressAsync(ct);
            if (progress.Position >= target || progress.State == ProjectionStates.Failed)
            {
                return new CatchUpResult(total, ReachedHead: progress.Position >= target, progress.Error);
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return new CatchUpResult(total, ReachedHead: false, Error: null);
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>The projection's progress row.</summary>
    public async Task<ProjectionProgress> ProgressAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var all = await _progress.ListAsync(connection, ct);
        return all.Single(p => p.Name == projection.Name);
    }
}

/// <summary>The outcome of a catch-up.</summary>
/// <param name="Applied">How many events were applied.</param>
/// <param name="ReachedHead">Whether the projection reached the head of the log as of the start of the call.</param>
/// <param name="Error">Why the projection is stopped, when it is failed.</param>
public sealed record CatchUpResult(long Applied, bool ReachedHead, string? Error = null);
