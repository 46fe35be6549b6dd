using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>What a rebuild did.</summary>
/// <param name="Projection">The projection rebuilt.</param>
/// <param name="Events">Events replayed into the new copy.</param>
/// <param name="Elapsed">How long it took, the final switch included.</param>
/// <param name="Switch">How long the final switch held writers back.</param>
public sealed record RebuildResult(string Projection, long Events, TimeSpan Elapsed, TimeSpan Switch);

/// <summary>
/// Rebuilds a projection from the whole log without stopping queries: replay into a shadow copy of its
/// tables while the live copy keeps answering (and keeps being updated), then, in one short transaction,
/// apply the last events and switch the copies. For an inline projection the switch locks the events
/// table against appenders (readers go on), so appends wait only for that moment.
/// </summary>
public sealed class ProjectionRebuilder(NpgsqlDataSource dataSource, SchemaName schema, int batchSize = 10_000)
{
    /// <summary>Appended to the table names (and the progress row name) of the copy being built.</summary>
    public const string ShadowSuffix = "__rebuild";

    private readonly ProjectionProgressStore _progress = new(schema);

    /// <summary>Rebuilds <paramref name="live"/>; <paramref name="inline"/> says whether appends maintain it.</summary>
    public async Task<RebuildResult> RebuildAsync(
        IRebuildableProjection live, bool inline, IProgress<long>? replayed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(live);
        var started = DateTimeOffset.UtcNow;
        await using var guard = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(guard, live.Name, ct))
        {
            throw new InvalidOperationException($"Projection '{live.Name}' is already being rebuilt.");
        }

        var shadow = live.WithTableSuffix(ShadowSuffix);
        await PrepareShadowAsync(shadow, live.Version, ct);
        var runner = new AsyncProjectionRunner(dataSource, schema, shadow, batchSize);
        // Replay what is readable now without waiting on transactions open elsewhere: the switch takes the rest.
        var replay = await runner.CatchUpAsync(TimeSpan.Zero, ct, replayed);

        var switchStarted = DateTimeOffset.UtcNow;
        var tail = await SwitchAsync(live, shadow, runner, inline, ct);
        var finished = DateTimeOffset.UtcNow;
        return new RebuildResult(live.Name, replay.Applied + tail, finished - started, finished - switchStarted);
    }

    private async Task PrepareShadowAsync(IRebuildableProjection shadow, int version, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TableSwap.DropAsync(connection, transaction, schema, shadow.Tables, ct);
        await shadow.CreateAsync(connection, transaction, ct);
        await _progress.SetAsync(connection, transaction, shadow.Name, version, LogPosition.Start, ProjectionStates.Rebuilding, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<long> SwitchAsync(
        IRebuildableProjection live, IRebuildableProjection shadow, AsyncProjectionRunner runner, bool inline, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (inline)
        {
            // EXCLUSIVE conflicts with the ROW EXCLUSIVE lock every insert takes, and not with readers.
            await using var lockEvents = new NpgsqlCommand($"lock table {schema.Qualify("events")} in exclusive mode", connection, transaction);
            await lockEvents.ExecuteNonQueryAsync(ct);
        }
        else
        {
            // Holding the live progress row keeps the daemon's next batch for this projection waiting.
            await _progress.LockAsync(connection, transaction, live.Name, ct);
        }

        long tail = 0;
        int applied;
        while ((applied = await runner.ApplyNextAsync(connection, transaction, batchSize, appendsBlocked: inline, ct)) > 0)
        {
            tail += applied;
        }

        var position = (await _progress.LockAsync(connection, transaction, shadow.Name, ct)).Position;
        await TableSwap.SwapAsync(connection, transaction, schema, live.Tables, shadow.Tables, ct);
        await _progress.SetAsync(
            connection, transaction, live.Name, live.Version, position, inline ? ProjectionStates.Inline : ProjectionStates.Running, ct);
        await _progress.DeleteAsync(connection, transaction, shadow.Name, ct);
        await transaction.CommitAsync(ct);
        return tail;
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtext(@key))", connection);
        command.Parameters.AddWithValue("key", $"ltv.rebuild.{schema}.{name}");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
