using Ltv.EventStore.Appending;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Reading;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore;

/// <summary>
/// The append-only event store: per-stream versions, de-duplication by identity in the database,
/// inline projections in the append's transaction, and gap-free reading of the global log.
/// </summary>
public sealed class PostgresEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchAppender _appender;
    private readonly string _readStream;
    private readonly string _head;

    /// <summary>Creates a store over <paramref name="dataSource"/> in <paramref name="schema"/>.</summary>
    public PostgresEventStore(NpgsqlDataSource dataSource, SchemaName schema, IReadOnlyList<IProjection> inlineProjections)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _dataSource = dataSource;
        Schema = schema;
        InlineProjections = inlineProjections;
        _appender = new BatchAppender(schema, inlineProjections);
        Log = new GlobalLogReader(schema);
        _readStream = $"select {EventRowReader.Columns} from {schema}.events e where e.stream_id = @stream order by e.stream_version";
        _head = $"select e.tx_id, e.seq from {schema}.events e order by e.tx_id desc, e.seq desc limit 1";
    }

    /// <summary>The schema holding the store's tables.</summary>
    public SchemaName Schema { get; }

    /// <summary>The projections applied in every append's transaction.</summary>
    public IReadOnlyList<IProjection> InlineProjections { get; }

    /// <summary>Gap-free reading of the global log.</summary>
    public GlobalLogReader Log { get; }

    /// <summary>The connection source the store uses.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// Appends a batch atomically. Events whose identity (stream, dedupe key) is already stored, or repeated
    /// earlier in the batch, are not appended and are reported as duplicates.
    /// </summary>
    public Task<AppendResult> AppendAsync(IReadOnlyList<NewEvent> events, CancellationToken ct) =>
        AppendAsync(events, also: null, ct);

    /// <summary>Appends a batch atomically, running <paramref name="also"/> in the same transaction.</summary>
    public Task<AppendResult> AppendAsync(IReadOnlyList<NewEvent> events, AlsoInTransaction? also, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        return PostgresErrors.Translate(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            return await _appender.AppendAsync(connection, events, NotifyingThen(also), ct);
        });
    }

    private AlsoInTransaction NotifyingThen(AlsoInTransaction? also) => async (connection, transaction, result, ct) =>
    {
        if (result.AppendedCount > 0)
        {
            await AppendNotifications.NotifyAsync(connection, transaction, Schema, ct);
        }

        if (also is not null)
        {
            await also(connection, transaction, result, ct);
        }
    };

    /// <summary>Reads one stream in version order.</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(_readStream, connection);
            command.Parameters.AddWithValue("stream", streamId);
            return await EventRowReader.ReadAll(command, ct);
        });

    /// <summary>Reads up to <paramref name="max"/> events of the global log after <paramref name="after"/>.</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(LogPosition after, int max, CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            return await Log.ReadAsync(connection, null, after, max, ct);
        });

    /// <summary>The position of the last committed event, or <see cref="LogPosition.Start"/> for an empty log.</summary>
    public Task<LogPosition> HeadAsync(CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(_head, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1))
                : LogPosition.Start;
        });
}
