using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.Daemon;
using Ltv.Projections.Store.Rebuild;
using Ltv.Projections.Store.Status;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using JasperFx;
using Weasel.Core;

namespace Ltv.Projections.Store;

/// <summary>What one catch-up did for one async read model.</summary>
/// <param name="Applied">Events it applied.</param>
/// <param name="ReachedHead">Whether it reached the head of the log (a transaction open elsewhere can hold it back).</param>
public sealed record CatchUpResult(long Applied, bool ReachedHead);

/// <summary>What one rebuild did.</summary>
public sealed record RebuildResult(string Projection, long Events, TimeSpan Elapsed);

/// <summary>
/// The read models of a Marten store, for the commands that look after them: create the schema, run Marten's async
/// daemon (until stopped, or once up to the head), rebuild one read model, and say where each stands. Read models are
/// named as <see cref="LtvStoreOptions.ReadModels"/> names them.
/// </summary>
public sealed class ReadModelCatalog(IDocumentStore store, NpgsqlDataSource dataSource, string schema)
{
    public IReadOnlyList<string> Names { get; } = [.. LtvStoreOptions.ReadModels.Select(r => r.Name)];

    public IReadOnlyList<string> AsyncNames { get; } = [.. LtvStoreOptions.ReadModels.Where(r => !r.Inline).Select(r => r.Name)];

    /// <summary>
    /// Creates or migrates every table of the store (Marten's, the read models', and any registered with it), unless
    /// this build did so already (<see cref="SchemaStamp"/>). Marten's call compares the schema with the database and
    /// then runs the difference without a lock between processes, so two processes starting on a fresh schema both
    /// try to create the same tables and one fails ("relation already exists"). The schema's own advisory lock makes
    /// them take turns: the second finds nothing left to do. Only a schema that needs changes takes the lock, so that
    /// commands on a store in place (twenty at once, in the tests) do not queue behind each other's comparisons.
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        if (await SchemaStamp.MatchesAsync(dataSource, schema, ct))
        {
            return;
        }

        if ((await store.Storage.CreateMigrationAsync()).Difference != SchemaPatchDifference.None)
        {
            await ApplyChangesAsync(ct);
        }

        await SchemaStamp.WriteAsync(dataSource, schema, ct);
    }

    private async Task ApplyChangesAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCommand = SchemaLockCommand(connection, "select pg_advisory_lock(hashtext($1))"))
        {
            lockCommand.CommandTimeout = (int)SchemaLockWait.TotalSeconds;
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        try
        {
            // Whatever the store's own setting: the product sets it to None, so that no document type is compared
            // with the database again on its first use in every process (LtvStartup).
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        }
        finally
        {
            // Closing the connection would release it too, but the pool keeps connections open.
            await using var unlockCommand = SchemaLockCommand(connection, "select pg_advisory_unlock(hashtext($1))");
            await unlockCommand.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Another process creating a whole schema takes a few seconds; Npgsql's default of 30 s is for one statement.
    private static readonly TimeSpan SchemaLockWait = TimeSpan.FromMinutes(5);

    private NpgsqlCommand SchemaLockCommand(NpgsqlConnection connection, string sql) =>
        new(sql, connection) { Parameters = { new NpgsqlParameter { Value = $"ltv.schema.{schema}" } } };

    public Task<StoreStatus> StatusAsync(CancellationToken ct) => new StoreStatusQuery(store, dataSource, schema).ExecuteAsync(ct);

    /// <summary>
    /// Runs Marten's async daemon until <paramref name="ct"/> is cancelled, then stops it after its batches in flight.
    /// Each shard runs here once this process holds its HotCold lock (<see cref="ShardLocks"/>): a serving host or
    /// another command may hold it first, and the shard is taken over when they let go.
    /// </summary>
    public async Task RunDaemonAsync(CancellationToken ct, ILogger? logger = null)
    {
        var shards = AllShards();
        await using var locks = await ShardLocks.OpenAsync(dataSource, schema, DaemonLockId, ct);
        using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await StartFreeShardsAsync(daemon, locks, shards, ct);
                await Task.Delay(TakeOverPoll, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped on request, which is how a daemon ends.
        }
        finally
        {
            await daemon.StopAllAsync();
        }
    }

    /// <summary>
    /// Brings the live copy of every async read model up to the head of the log as it stood when this began, or
    /// until none of them has moved for <paramref name="maxWait"/> (a transaction open elsewhere holds the daemon back
    /// at its gap). A daemon that keeps moving is waited for however long the log is: at 1M events a catch-up takes
    /// minutes, and a bound on the whole wait warned of an open transaction that was not there.
    /// Shards whose HotCold lock another process holds (a serving host, a concurrent ingest) are that process's to
    /// run: this one waits for their progress, and runs them itself if they are let go before they arrive.
    /// The idle copies are left to rebuilds, which replay them whole anyway: catching them up here would double the
    /// work, and would race a rebuild running in this process for their progress rows.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, CatchUpResult Result)>> CatchUpAsync(TimeSpan maxWait, CancellationToken ct)
    {
        var before = await StatusAsync(ct);
        await using (var locks = await ShardLocks.OpenAsync(dataSource, schema, DaemonLockId, ct))
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            try
            {
                // Marten's own progress records say when: a shard that starts at the head publishes no new state.
                var stalled = Stopwatch.StartNew();
                var moved = -1L;
                while (stalled.Elapsed < maxWait)
                {
                    // Read again each round: a rebuild elsewhere may switch a read model to its other copy meanwhile,
                    // and then that copy is the one to bring up, and the one this process ran is the rebuild's next.
                    var shards = await LiveShardsAsync(ct);
                    await LetGoOfIdleShardsAsync(daemon, locks, shards);
                    await StartFreeShardsAsync(daemon, locks, shards, ct);
                    var (reached, positions) = await ProgressAsync(shards, before.Head, ct);
                    if (reached)
                    {
                        break;
                    }

                    if (positions > moved)
                    {
                        (moved, stalled) = (positions, Stopwatch.StartNew());
                    }

                    await Task.Delay(100, ct);
                }
            }
            finally
            {
                await daemon.StopAllAsync();
            }
        }

        var after = await StatusAsync(ct);
        return [.. after.Projections.Where(p => !p.Inline).Select(p =>
        {
            var start = before.Projections.Single(b => b.Name == p.Name);
            // Reached the head as it stood at the start: other writers may have appended since, which is theirs to wait for.
            return (p.Name, new CatchUpResult(start.Lag - p.Lag + (after.Events - before.Events), p.Position >= before.Head));
        })];
    }

    private static readonly TimeSpan TakeOverPoll = TimeSpan.FromSeconds(1);

    private int DaemonLockId => ((DocumentStore)store).Options.Projections.DaemonLockId;

    private static async Task LetGoOfIdleShardsAsync(IProjectionDaemon daemon, ShardLocks locks, IReadOnlyList<ShardName> live)
    {
        foreach (var shard in locks.Held.Except(live).ToList())
        {
            await daemon.StopAgentAsync(shard);
            await locks.ReleaseAsync(shard);
        }
    }

    private static async Task StartFreeShardsAsync(IProjectionDaemon daemon, ShardLocks locks, IEnumerable<ShardName> shards, CancellationToken ct)
    {
        foreach (var shard in shards)
        {
            if (!locks.Holds(shard) && await locks.TryTakeAsync(shard, ct))
            {
                await daemon.StartAgentAsync(shard, ct);
            }
        }
    }

    private IReadOnlyList<ShardName> AllShards() =>
        [.. AsyncNames.SelectMany(name => Enum.GetValues<ReadModelCopy>().Select(copy => new ShardName(ReadModelCopies.ProjectionName(name, copy))))];

    /// <summary>Whether every shard has reached <paramref name="head"/>, and the sum of their positions (to see movement).</summary>
    private async Task<(bool Reached, long Positions)> ProgressAsync(IEnumerable<ShardName> shards, long head, CancellationToken ct)
    {
        var (reached, positions) = (true, 0L);
        foreach (var shard in shards)
        {
            var position = await store.Advanced.ProjectionProgressFor(shard, token: ct);
            reached &= position >= head;
            positions += position;
        }

        return (reached, positions);
    }

    private async Task<ShardName> IdleShardAsync(string readModel, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var live = await new LiveCopyPointer(schema).ReadAsync(connection, readModel, ct);
        return new ShardName(ReadModelCopies.ProjectionName(readModel, live.Copy.Other()));
    }

    private async Task<IReadOnlyList<ShardName>> LiveShardsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var pointer = new LiveCopyPointer(schema);
        var shards = new List<ShardName>();
        foreach (var name in AsyncNames)
        {
            var live = await pointer.ReadAsync(connection, name, ct);
            shards.Add(new ShardName(ReadModelCopies.ProjectionName(name, live.Copy)));
        }

        return shards;
    }

    /// <summary>
    /// Rebuilds one read model from the whole log with Marten's machinery while queries keep answering a complete copy
    /// (<see cref="ReadModelRebuilder"/>), reporting the events replayed so far to <paramref name="progress"/> (read from
    /// Marten's progress records twice a second). <paramref name="running"/> is the daemon this process runs, if any:
    /// the rebuild must work through it, or that daemon's agent for the copy being rebuilt would write beside it.
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(string name, IProgress<long>? progress, CancellationToken ct, IProjectionDaemon? running = null)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"Unknown read model '{name}'.", nameof(name));
        }

        // The copy to replay must not be applied beside the rebuild by another process's daemon. Without a daemon of this
        // process, another process's may hold the idle copy's shard (ltv serve and ltv daemon run both copies; a
        // catch-up runs only the live one); among several serving hosts, the one whose daemon does not run it may not
        // replay it beside the host that does. Unless this process's daemon runs it, the shard's HotCold lock is taken
        // and held here for the whole rebuild, or the caller is sent to the process that holds it.
        await using var locks = await ShardLocks.OpenAsync(dataSource, schema, DaemonLockId, ct);
        if (AsyncNames.Contains(name))
        {
            var idle = await IdleShardAsync(name, ct);
            var runsHere = running?.CurrentAgents().Any(agent => agent.Name.Identity == idle.Identity) ?? false;
            if (!runsHere && !await TryTakeSoonAsync(locks, idle, ct))
            {
                throw new ReadModelBusyException(running is null
                    ? $"Another process runs the daemon for read model '{name}' (ltv serve or ltv daemon): rebuild it " +
                      $"through that server (POST /api/projections/{name}/rebuild), or stop that process first."
                    : $"Another host runs read model '{name}' (ltv status shows which, under Run by): send the rebuild to that host.");
            }
        }

        var rebuild = new ReadModelRebuilder(store, dataSource, running).RebuildAsync(name, ct);
        while (progress is not null && await Task.WhenAny(rebuild, Task.Delay(500, ct)) != rebuild)
        {
            progress.Report(await ReplayedAsync(name, ct));
        }

        var result = await rebuild;
        progress?.Report(result.Events);
        return new RebuildResult(name, result.Events, result.Elapsed);
    }

    /// <summary>
    /// A catch-up that ran the copy before a switch lets go of it within a round of its loop (<see cref="CatchUpAsync"/>),
    /// so the lock is tried for a few rounds; a daemon holds it for as long as it runs.
    /// </summary>
    private static async Task<bool> TryTakeSoonAsync(ShardLocks locks, ShardName shard, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await locks.TryTakeAsync(shard, ct))
            {
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    // The furthest any of the read model's projections (its copies) has come: the copy being rebuilt starts from 0.
    private async Task<long> ReplayedAsync(string name, CancellationToken ct)
    {
        var positions = new List<long>();
        var copies = AsyncNames.Contains(name) ? Enum.GetValues<ReadModelCopy>() : [ReadModelCopy.Blue];
        foreach (var copy in copies)
        {
            positions.Add(await store.Advanced.ProjectionProgressFor(new ShardName(ReadModelCopies.ProjectionName(name, copy)), token: ct));
        }

        await using var session = store.QuerySession();
        var position = positions.Min();
        return await session.Events.QueryAllRawEvents().CountAsync(e => e.Sequence <= position && e.StreamKey != StoredEvents.TombstoneStream, ct);
    }
}
