using JasperFx.Events.Projections;
using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>
/// The lag of an async projection as Marten records it: the events of mt_events after the projection's position in
/// mt_event_progression (read only: Marten alone writes both). Counted rather than subtracted, because sequence
/// numbers burned by rolled-back appends leave gaps that hold no events.
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
                """,
                connection);
            command.Parameters.AddWithValue("shard", shard);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        };
    }
}
