using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>
/// The lag of an async projection as Marten records it: the events of mt_events after the projection's position in
/// mt_event_progression (read only: Marten alone writes both). Counted rather than subtracted, because sequence
/// numbers burned by rolled-back appends leave gaps, or tombstones that are no customer's events.
/// </summary>
public static class MartenLag
{
    public static ReadModelLag For(string schema, string projectionName)
    {
        var shard = new ShardName(projectionName).Identity;
        return async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"""
                select count(*)
                from {schema}.mt_events e
                where e.seq_id > coalesce((select p.last_seq_id from {schema}.mt_event_progression p where p.name = @shard), 0)
                  and e.stream_id <> @tombstones
                """,
                connection);
            command.Parameters.AddWithValue("shard", shard);
            command.Parameters.AddWithValue("tombstones", StoredEvents.TombstoneStream);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        };
    }

    /// <summary>The same count through Marten's API, for a query that reads with a session of the store.</summary>
    public static async Task<long> CountAsync(IDocumentStore store, IQuerySession session, string projectionName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        var position = await store.Advanced.ProjectionProgressFor(new ShardName(projectionName), token: ct);
        return await session.Events.QueryAllRawEvents().LongCountAsync(e => e.Sequence > position && e.StreamKey != StoredEvents.TombstoneStream, ct);
    }
}
