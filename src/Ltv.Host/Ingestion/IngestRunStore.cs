using Ltv.Domain.Validation;
using Ltv.Projections.Store;
using Ltv.Projections;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.Host.Ingestion;

/// <summary>The ingest_runs, ingest_run_reasons and rejected_events tables.</summary>
public sealed class IngestRunStore(NpgsqlDataSource dataSource, SchemaName schema)
{
    private const string EmptyJsonObject = "{}";

    public async Task<long> StartAsync(IReadOnlyList<string> sources, CancellationToken ct) =>
        await DatabaseUnavailable.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand($"insert into {schema}.ingest_runs (sources) values (@sources) returning id");
            command.Parameters.AddWithValue("sources", sources.ToArray());
            return (long)(await command.ExecuteScalarAsync(ct))!;
        });

    /// <summary>
    /// Adds a batch's counts and rejections to <paramref name="session"/>, so that they commit in the transaction that
    /// appends the batch's events.
    /// </summary>
    public void RecordBatch(IDocumentSession session, long runId, BatchCounts counts, IReadOnlyList<Rejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rejections);
        session.QueueSqlCommand(
            $"""
            update {schema}.ingest_runs set
                read = read + ?, accepted = accepted + ?, duplicates = duplicates + ?, conflicting = conflicting + ?, rejected = rejected + ?
            where id = ?
            """,
            counts.Read, counts.Accepted, counts.Duplicates, counts.Conflicting, counts.Rejected, runId);
        if (rejections.Count == 0)
        {
            return;
        }

        CountReasons(session, runId, rejections);
        StoreRejections(session, runId, rejections);
    }

    /// <summary>The run's rejections per reason, for its summary: counted even where the rejection itself was stored before.</summary>
    private void CountReasons(IDocumentSession session, long runId, IReadOnlyList<Rejection> rejections)
    {
        var byReason = rejections.Where(r => r.Reason != RejectionReasons.ConflictingDuplicate).CountBy(r => r.Reason).ToList();
        if (byReason.Count == 0)
        {
            return;
        }

        session.QueueSqlCommand(
            $"""
            insert into {schema}.ingest_run_reasons (run_id, reason, count)
            select ?, reason, count from unnest(?::text[], ?::bigint[]) as t(reason, count)
            on conflict (run_id, reason) do update set count = ingest_run_reasons.count + excluded.count
            """,
            runId, byReason.Select(r => r.Key).ToArray(), byReason.Select(r => (long)r.Value).ToArray());
    }

    /// <summary>
    /// Stores each rejection once, whatever run meets it again: the unique fingerprint of its reason and bytes is the
    /// arbiter, so re-ingesting a file, or two ingests of it at once, add no second copy (DESIGN.md, "Bad input").
    /// </summary>
    private void StoreRejections(IDocumentSession session, long runId, IReadOnlyList<Rejection> rejections)
    {
        session.QueueSqlCommand(
            $"""
            insert into {schema}.rejected_events (run_id, source, record_index, byte_offset, reason, detail, raw, fingerprint)
            select ?, source, record_index, byte_offset, reason, detail, raw, fingerprint
            from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bytea[], ?::bytea[])
                 with ordinality as t(source, record_index, byte_offset, reason, detail, raw, fingerprint, n)
            order by n
            on conflict (fingerprint) do nothing
            """,
            runId,
            rejections.Select(r => r.Source).ToArray(),
            rejections.Select(r => r.Index).ToArray(),
            rejections.Select(r => r.ByteOffset).ToArray(),
            rejections.Select(r => r.Reason).ToArray(),
            rejections.Select(r => r.Detail).ToArray(),
            rejections.Select(r => r.Raw).ToArray(),
            rejections.Select(r => RejectionFingerprint.Of(r.Reason, r.Raw)).ToArray());
    }

    public Task FinishAsync(long runId, string status, string? message, CancellationToken ct) =>
        DatabaseUnavailable.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand(
                $"update {schema}.ingest_runs set status = @status, message = @message, finished_at = now() where id = @id");
            command.Parameters.AddWithValue("id", runId);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.Add(new NpgsqlParameter<string?>("message", NpgsqlDbType.Text) { TypedValue = message });
            return await command.ExecuteNonQueryAsync(ct);
        });

    public Task<IngestSummary> SummaryAsync(long runId, CancellationToken ct) =>
        DatabaseUnavailable.Translate(async () => (await ListAsync(runId, 1, ct)).Single());

    /// <summary>The most recent runs (or one run), newest first.</summary>
    public Task<IReadOnlyList<IngestSummary>> ListAsync(long? runId, int limit, CancellationToken ct) =>
        DatabaseUnavailable.Translate<IReadOnlyList<IngestSummary>>(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                select r.id, r.status, r.read, r.accepted, r.duplicates, r.conflicting, r.rejected, r.message,
                       coalesce((select jsonb_object_agg(reason, count) from {schema}.ingest_run_reasons x where x.run_id = r.id),
                                '{EmptyJsonObject}')::text
                from {schema}.ingest_runs r
                where @id is null or r.id = @id
                order by r.id desc
                limit @limit
                """);
            command.Parameters.Add(new NpgsqlParameter<long?>("id", NpgsqlDbType.Bigint) { TypedValue = runId });
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var runs = new List<IngestSummary>();
            while (await reader.ReadAsync(ct))
            {
                var byReason = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(8))!;
                runs.Add(new IngestSummary(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6), byReason, reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            return runs;
        });
}

/// <summary>The counts one batch adds to its run.</summary>
public readonly record struct BatchCounts(long Read, long Accepted, long Duplicates, long Conflicting, long Rejected);
