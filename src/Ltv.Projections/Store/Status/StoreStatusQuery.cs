using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.Daemon;
using Ltv.Projections.Store.Hosts;
using Marten;
using Npgsql;

namespace Ltv.Projections.Store.Status;

/// <summary>
/// Reads <see cref="StoreStatus"/> from Marten's own records: mt_events (tombstones left out), mt_event_progression (positions, the
/// high-water mark, paused shards and the event that paused them), mt_high_water_skips and the dead-letter events;
/// who holds each read model's HotCold lock from PostgreSQL's pg_locks, and the serving hosts' heartbeats.
/// Read only: Marten alone writes these.
/// </summary>
public sealed class StoreStatusQuery(IDocumentStore store, NpgsqlDataSource dataSource, string schema)
{
    private const string HighWaterMarkRow = "HighWaterMark";

    public async Task<StoreStatus> ExecuteAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var deadLetters = await session.Query<DeadLetterEvent>().CountAsync(ct);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var head = await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {schema}.mt_events", ct);
        var rows = await ProgressionAsync(connection, ct);
        var pointer = new LiveCopyPointer(schema);
        var projections = new List<ProjectionStatus>();
        foreach (var (name, inline) in LtvStoreOptions.ReadModels)
        {
            var live = await pointer.ReadAsync(connection, name, ct);
            if (inline)
            {
                projections.Add(new ProjectionStatus(
                    name, true, head, 0, 0, live.Rebuilding ? ProjectionStates.Rebuilding : ProjectionStates.Inline, null));
                continue;
            }

            // Position, lag and errors are the live copy's, the one queries read; a rebuild runs on the other copy.
            var row = rows.GetValueOrDefault(Shard(name, live.Copy));
            var position = row?.Position ?? 0;
            var (lag, seconds) = await LagAsync(connection, position, ct);
            var state = rows.GetValueOrDefault(Shard(name, live.Copy.Other()))?.Mode == "rebuild" || row?.Mode == "rebuild" ? ProjectionStates.Rebuilding
                : row?.Error is not null ? ProjectionStates.Failed
                : ProjectionStates.Running;
            var runBy = await ShardLocks.HolderAsync(connection, schema, new ShardName(ReadModelCopies.ProjectionName(name, live.Copy)), DaemonLockId, ct);
            projections.Add(new ProjectionStatus(name, false, position, lag, seconds, state, row?.Error, runBy));
        }

        return new StoreStatus(
            head,
            await EventCountAsync(connection, ct),
            rows.GetValueOrDefault(HighWaterMarkRow)?.Position ?? 0,
            await ScalarAsync(connection, $"select count(*) from {schema}.mt_high_water_skips", ct),
            deadLetters,
            await OldestOpenTransactionAsync(connection, ct),
            projections,
            await HostsAsync(connection, ct));
    }

    private int DaemonLockId => ((DocumentStore)store).Options.Projections.DaemonLockId;

    private async Task<IReadOnlyList<HostStatus>> HostsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var table = HostHeartbeat.Table(schema);
        await using var command = new NpgsqlCommand(
            $"""
            select id, data->>'urls', (data->>'processId')::int, (data->>'startedAt')::timestamptz,
                   extract(epoch from now() - mt_last_modified)::float8
            from {table}
            order by (data->>'startedAt')::timestamptz, id
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hosts = new List<HostStatus>();
        while (await reader.ReadAsync(ct))
        {
            hosts.Add(new HostStatus(
                reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetDouble(4)));
        }

        return hosts;
    }

    private static string Shard(string readModel, ReadModelCopy copy) => new ShardName(ReadModelCopies.ProjectionName(readModel, copy)).Identity;

    private sealed record Progression(long Position, string? Mode, string? Error);

    private async Task<Dictionary<string, Progression>> ProgressionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select name, coalesce(last_seq_id, 0), mode,
                   case when agent_status = 'Paused' or failure_category is not null
                        then concat_ws('; ', pause_reason,
                                       'event ' || failure_event_sequence || coalesce(' (' || failure_event_type || ')', ''))
                   end
            from {schema}.mt_event_progression
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new Dictionary<string, Progression>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetString(0)] = new Progression(
                reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return rows;
    }

    private async Task<(long Lag, double Seconds)> LagAsync(NpgsqlConnection connection, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select count(*), coalesce(extract(epoch from now() - min(e.timestamp))::float8, 0)
            from {schema}.mt_events e
            where e.seq_id > @position and e.stream_id <> @tombstones
            """,
            connection);
        command.Parameters.AddWithValue("position", position);
        command.Parameters.AddWithValue("tombstones", StoredEvents.TombstoneStream);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    private async Task<long> EventCountAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.mt_events where stream_id <> @tombstones", connection);
        command.Parameters.AddWithValue("tombstones", StoredEvents.TombstoneStream);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    // Only transactions that hold a transaction id (they wrote something) hold the high-water mark back.
    private static async Task<double?> OldestOpenTransactionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select extract(epoch from now() - min(xact_start))::float8
            from pg_stat_activity
            where backend_xid is not null and pid <> pg_backend_pid()
            """,
            connection);
        return await command.ExecuteScalarAsync(ct) is double seconds ? seconds : null;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
