using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ltv.Projections.Store.Copies;
using Marten;
using Npgsql;

namespace Ltv.Projections.Store.Rebuild;

/// <summary>
/// Rebuilds a read model from the whole log with Marten's own <c>RebuildProjectionAsync</c>, while queries keep
/// answering a complete copy (docs/MARTEN.md, "Rebuilds"):
/// <list type="bullet">
/// <item>an async read model (ltv_ranking, daily_stats) is replayed into its idle copy (blue/green), brought up to
/// where the live copy is, and then made live by one update of the pointer;</item>
/// <item>the inline read model (customer_lifetime) is replayed in place with appends held at the <see cref="AppendGate"/>,
/// while <see cref="CustomerLifetimeQuery"/> folds each stream live.</item>
/// </list>
/// Pass the daemon a host already runs (Marten's <c>IProjectionCoordinator</c>), so that the rebuild stops that
/// daemon's own agent of the copy it replays; without one, the rebuilder builds a daemon of its own.
/// </summary>
public sealed class ReadModelRebuilder(IDocumentStore store, NpgsqlDataSource dataSource, IProjectionDaemon? daemon = null)
{
    // Marten's per-shard bound on one rebuild; its default of 5 minutes is too short for millions of events.
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(1);

    private readonly string _schema = store.Options.DatabaseSchemaName;

    public async Task<ReadModelRebuild> RebuildAsync(string readModel, CancellationToken ct)
    {
        var inline = LtvStoreOptions.ReadModels.Where(m => m.Name == readModel).Select(m => (bool?)m.Inline).SingleOrDefault()
            ?? throw new ArgumentException(
                $"Unknown read model '{readModel}'; known: {string.Join(", ", LtvStoreOptions.ReadModels.Select(m => m.Name))}.", nameof(readModel));
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await LockAsync(connection, "select pg_try_advisory_lock(hashtext($1))", readModel, ct))
        {
            throw new ReadModelBusyException($"Read model '{readModel}' is already being rebuilt.");
        }

        try
        {
            var (projection, events) = inline
                ? await RebuildInPlaceAsync(connection, readModel, ct)
                : await RebuildIdleCopyAsync(connection, readModel, ct);
            return new ReadModelRebuild(readModel, projection, events, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            await LockAsync(connection, "select pg_advisory_unlock(hashtext($1))", readModel, CancellationToken.None);
        }
    }

    private async Task<(string Projection, long Events)> RebuildIdleCopyAsync(NpgsqlConnection connection, string readModel, CancellationToken ct)
    {
        var pointer = new LiveCopyPointer(_schema);
        var live = (await pointer.ReadAsync(connection, readModel, ct)).Copy;
        var idle = new ShardName(ReadModelCopies.ProjectionName(readModel, live.Other()));
        var liveShard = new ShardName(ReadModelCopies.ProjectionName(readModel, live));
        await WithDaemonAsync(async daemon =>
        {
            await daemon.RebuildProjectionAsync(idle.Name, ShardTimeout, ct);

            // Marten's rebuild stops at the high-water mark it found when it started. Go on until the copy is where the
            // live one is, so that the switch never takes queries back to an older log.
            var goal = Math.Max(daemon.Tracker.HighWaterMark, await store.Advanced.ProjectionProgressFor(liveShard, token: ct));
            if (await store.Advanced.ProjectionProgressFor(idle, token: ct) < goal)
            {
                await daemon.StartAgentAsync(idle, ct);
                await daemon.Tracker.WaitForShardState(idle, goal, ShardTimeout);
            }
        });

        var position = await store.Advanced.ProjectionProgressFor(idle, token: ct);
        await pointer.SwitchAsync(connection, readModel, live.Other(), ct);
        await using var session = store.QuerySession();
        return (idle.Name, await session.Events.QueryAllRawEvents().CountAsync(e => e.Sequence <= position && e.StreamKey != StoredEvents.TombstoneStream, ct));
    }

    private async Task<(string Projection, long Events)> RebuildInPlaceAsync(NpgsqlConnection connection, string readModel, CancellationToken ct)
    {
        // Committed before Marten empties the documents: from here on, queries fold the log.
        var pointer = new LiveCopyPointer(_schema);
        await pointer.SetRebuildingAsync(connection, readModel, true, ct);
        await AppendGate.CloseAsync(connection, _schema, ct);
        try
        {
            // No append is in flight or can start, so the log is whole and stays as it is.
            await using var session = store.QuerySession();
            var events = await session.Events.QueryAllRawEvents().LongCountAsync(e => e.StreamKey != StoredEvents.TombstoneStream, ct);
            await WithDaemonAsync(daemon => daemon.RebuildProjectionAsync(readModel, ShardTimeout, ct));

            // A rebuild that fails leaves the flag set: queries go on folding the log until a rebuild succeeds.
            await pointer.SetRebuildingAsync(connection, readModel, false, ct);
            return (readModel, events);
        }
        finally
        {
            await AppendGate.OpenAsync(connection, _schema, CancellationToken.None);
        }
    }

    private async Task WithDaemonAsync(Func<IProjectionDaemon, Task> action)
    {
        if (daemon is not null)
        {
            await action(daemon);
            return;
        }

        using var own = await store.BuildProjectionDaemonAsync();
        try
        {
            await action(own);
        }
        finally
        {
            await own.StopAllAsync();
        }
    }

    private async Task<bool> LockAsync(NpgsqlConnection connection, string sql, string readModel, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"ltv.rebuild.{_schema}.{readModel}" });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
