using Npgsql;

namespace Ltv.EventStore.Reading;

/// <summary>Maps rows of the events table, selected with <see cref="Columns"/>, to <see cref="RecordedEvent"/>.</summary>
internal static class EventRowReader
{
    public const string Columns =
        "e.tx_id, e.seq, e.stream_id, e.stream_version, e.dedupe_key, e.event_type, e.data::text, e.metadata::text, e.recorded_at";

    public static RecordedEvent Read(NpgsqlDataReader reader) => new(
        new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)),
        reader.GetString(2),
        reader.GetInt32(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8));

    public static async Task<IReadOnlyList<RecordedEvent>> ReadAll(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            events.Add(Read(reader));
        }

        return events;
    }
}
