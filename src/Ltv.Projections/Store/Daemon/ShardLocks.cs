using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Ltv.Projections.Store.Daemon;

/// <summary>
/// The advisory locks with which Marten's HotCold daemon (<c>ltv serve</c>) claims each projection shard, taken by a
/// process that runs shards itself for a while (<c>ltv ingest</c>'s catch-up, <c>ltv project</c>, <c>ltv daemon</c>).
/// Whoever holds a shard's lock is the only one running it: two daemons applying one shard would each commit the same
/// events, and the loser's progress update fails and pauses its agent. The ids are Marten's own
/// (<see cref="ProjectionLockIds.Compute"/>), so a serving host and these commands keep out of each other's way; a
/// process that cannot take a lock waits for the holder's progress instead. Held on one open connection: session
/// locks, released on <see cref="DisposeAsync"/> or when the process dies.
/// </summary>
public sealed class ShardLocks : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly int _baseLockId;
    private readonly HashSet<ShardName> _held = [];

    private ShardLocks(NpgsqlConnection connection, string schema, int baseLockId)
    {
        _connection = connection;
        _schema = schema;
        _baseLockId = baseLockId;
    }

    public static async Task<ShardLocks> OpenAsync(NpgsqlDataSource dataSource, string schema, int baseLockId, CancellationToken ct) =>
        new(await dataSource.OpenConnectionAsync(ct), schema, baseLockId);

    public bool Holds(ShardName shard) => _held.Contains(shard);

    public IReadOnlyCollection<ShardName> Held => _held;

    /// <summary>Takes the shard's lock if nobody holds it; true when this process now runs the shard.</summary>
    public async Task<bool> TryTakeAsync(ShardName shard, CancellationToken ct)
    {
        if (_held.Contains(shard))
        {
            return true;
        }

        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(_schema, shard, _baseLockId) });
        if (await command.ExecuteScalarAsync(ct) is true)
        {
            _held.Add(shard);
            return true;
        }

        return false;
    }

    /// <summary>Lets the shard go, for another process to take; its agent here must be stopped first.</summary>
    public async Task ReleaseAsync(ShardName shard)
    {
        if (_held.Remove(shard))
        {
            await UnlockAsync(shard);
        }
    }

    /// <summary>
    /// The application name of the session that holds the shard's lock, whoever took it (a serving host's Marten
    /// coordinator, or a command through this class), from PostgreSQL's lock table; null when nobody does. A bigint
    /// advisory key shows there split into classid (high half) and objid (low half).
    /// </summary>
    public static async Task<string?> HolderAsync(NpgsqlConnection connection, string schema, ShardName shard, int baseLockId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select a.application_name
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and l.objsubid = 1
              and l.database = (select oid from pg_database where datname = current_database())
              and ((l.classid::bigint << 32) | l.objid::bigint) = $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(schema, shard, baseLockId) });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shard in _held)
        {
            await UnlockAsync(shard);
        }

        _held.Clear();
        await _connection.DisposeAsync();
    }

    // Marten's own id for the shard's lock, so that its HotCold coordinator and this class take the same one.
    private static long Key(string schema, ShardName shard, int baseLockId) => ProjectionLockIds.Compute(schema, shard, baseLockId);

    private async Task UnlockAsync(ShardName shard)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(_schema, shard, _baseLockId) });
        await command.ExecuteScalarAsync(CancellationToken.None);
    }
}
