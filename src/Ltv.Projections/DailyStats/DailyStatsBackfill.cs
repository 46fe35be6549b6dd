using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Npgsql;

namespace Ltv.Projections.DailyStats;

/// <summary>
/// "Run it over the history": empties the DailyStats read model and replays the whole log into it. The reset
/// and the move of its progress back to the start are one transaction, taken under the progress row's lock, so a
/// daemon feeding the projection at the same time waits and then carries on from the start, never in between.
/// Queries see the figures fill up while it runs.
/// </summary>
public sealed class DailyStatsBackfill(NpgsqlDataSource dataSource, DailyStatsProjection projection)
{
    /// <summary>Resets the read model; returns how many events the replay has to apply.</summary>
    public Task<long> ResetAsync(CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            var progress = new ProjectionProgressStore(projection.Tables.Schema);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await progress.LockAsync(connection, transaction, projection.Name, ct);
            await projection.ResetAsync(connection, transaction, ct);
            await progress.SetAsync(
                connection, transaction, projection.Name, projection.Version, LogPosition.Start, ProjectionStates.Running, ct);
            await transaction.CommitAsync(ct);
            return await ProjectionLag.CountAsync(connection, projection.Tables.Schema, projection.Name, ct);
        });

    /// <summary>Replays the log into the reset read model, reporting how many events it has applied so far.</summary>
    public Task<CatchUpResult> ReplayAsync(TimeSpan maxWait, IProgress<long>? applied, CancellationToken ct) =>
        new AsyncProjectionRunner(dataSource, projection.Tables.Schema, projection).CatchUpAsync(maxWait, ct, applied);
}
