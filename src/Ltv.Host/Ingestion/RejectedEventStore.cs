using Ltv.Projections.Store;
using Ltv.Projections;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.Host.Ingestion;

/// <summary>Lists stored rejections and marks the ones a retry resolved.</summary>
public sealed class RejectedEventStore(NpgsqlDataSource dataSource, SchemaName schema)
{
    /// <summary>Rejections, oldest first, optionally of one run and/or whose reason contains a text.</summary>
    public Task<IReadOnlyList<RejectedEvent>> ListAsync(
        long? runId, string? reason, bool includeResolved, long afterId, int limit, CancellationToken ct) =>
        DatabaseUnavailable.Translate<IReadOnlyList<RejectedEvent>>(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                select id, run_id, source, record_index, byte_offset, reason, detail, raw, recorded_at, retried_by
                from {schema}.rejected_events
                where id > @after
                  and (@run is null or run_id = @run)
                  and (@reason is null or strpos(reason, @reason) > 0)
                  and (@resolved or retried_by is null)
                order by id
                limit @limit
                """);
            command.Parameters.AddWithValue("after", afterId);
            command.Parameters.Add(new NpgsqlParameter<long?>("run", NpgsqlDbType.Bigint) { TypedValue = runId });
            command.Parameters.Add(new NpgsqlParameter<string?>("reason", NpgsqlDbType.Text) { TypedValue = reason });
            command.Parameters.AddWithValue("resolved", includeResolved);
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<RejectedEvent>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new RejectedEvent(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<byte[]>(7),
                    reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetInt64(9)));
            }

            return rows;
        });

    /// <summary>Marks rejections as resolved by a retry run, in the session that appends their events.</summary>
    public void MarkResolved(IDocumentSession session, IReadOnlyCollection<long> ids, long retryRunId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        session.QueueSqlCommand($"update {schema}.rejected_events set retried_by = ? where id = any(?)", retryRunId, ids.ToArray());
    }
}
