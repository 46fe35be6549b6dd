using Ltv.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.EventStore.Reading;

/// <summary>
/// Reads the global log in an order in which no event can ever appear behind a position already read.
/// </summary>
/// <remarks>
/// Sequence numbers alone do not give that: a transaction that commits late can insert a lower sequence
/// number than one already read. Instead each event carries its writing transaction's id, and only events
/// of transactions older than the oldest transaction still running (<c>pg_snapshot_xmin</c>) are read, in
/// (transaction id, sequence) order. Such transactions have all ended, and any transaction that starts
/// later gets a larger id, so nothing can be inserted below what was read. The price: a transaction left
/// open anywhere holds every subscriber back, which is why its age is reported.
/// </remarks>
public sealed class GlobalLogReader(SchemaName schema)
{
    private readonly string _readEvents = $"""
        select {EventRowReader.Columns}
        from {schema}.events e
        where (e.tx_id, e.seq) > (@after_tx, @after_seq)
          and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        order by e.tx_id, e.seq
        limit @max
        """;

    private readonly string _readRangeEnd = RangeEndSql(schema, "and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())");

    // Without the horizon: only correct while no transaction can be appending (see NextRangeAsync).
    private readonly string _readRangeEndUnbounded = RangeEndSql(schema, "");

    private static string RangeEndSql(SchemaName schema, string horizon) => $"""
        with batch as (
            select e.tx_id, e.seq
            from {schema}.events e
            where (e.tx_id, e.seq) > (@after_tx, @after_seq)
              {horizon}
            order by e.tx_id, e.seq
            limit @max
        )
        select (select count(*) from batch), b.tx_id, b.seq
        from batch b
        order by b.tx_id desc, b.seq desc
        limit 1
        """;

    /// <summary>Reads up to <paramref name="max"/> events after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, LogPosition after, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Command(_readEvents, connection, transaction, after, max);
        return await EventRowReader.ReadAll(command, ct);
    }

    /// <summary>
    /// The next slice of at most <paramref name="max"/> events after <paramref name="after"/>, without reading
    /// their data: what a set-based projection needs. Null when there is nothing new to read.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction to read in, if any.</param>
    /// <param name="after">The last position already applied.</param>
    /// <param name="max">The most events in the slice.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <param name="appendsBlocked">
    /// True only while the caller holds a lock that keeps every appender out (a rebuild's final switch): then
    /// every event-writing transaction has ended and the whole visible log can be read, whatever else is open.
    /// </param>
    public async Task<(EventRange Range, int Count)?> NextRangeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, LogPosition after, int max, CancellationToken ct,
        bool appendsBlocked = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Command(appendsBlocked ? _readRangeEndUnbounded : _readRangeEnd, connection, transaction, after, max);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var count = (int)reader.GetInt64(0);
        var until = new LogPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2));
        return (new EventRange(after, until), count);
    }

    private static NpgsqlCommand Command(
        string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction, LogPosition after, int max)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<ulong>("after_tx", NpgsqlDbType.Xid8) { TypedValue = after.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("after_seq", NpgsqlDbType.Bigint) { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter<int>("max", NpgsqlDbType.Integer) { TypedValue = max });
        return command;
    }
}
