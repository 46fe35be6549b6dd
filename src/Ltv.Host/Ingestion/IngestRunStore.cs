using Ltv.Domain.Validation;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.Host.Ingestion;

/// <summary>The ingest_runs, ingest_run_reasons and rejected_events tables.</summary>
public sealed class IngestRunStore(NpgsqlDataSource dataSource, SchemaName schema)
{
    private const string EmptyJsonObject = "{}";

    public async Task<long> StartAsync(IReadOnlyList<string> sources, CancellationToken ct) =>
        await PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand($"insert into {schema}.ingest_runs (sources) values (@sources) returning id");
            command.Parameters.AddWithValue("sources", sources.ToArray());
            return (long)(await command.ExecuteScalarAsync(ct))!;
        });

    /// <summary>Adds a batch's counts and rejections, inside the batch's own transaction.</summary>
    public async Task RecordBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, BatchCounts counts,
        IReadOnlyList<Rejection> rejections, CancellationToken ct)
    {
        await using (var update = new NpgsqlCommand(
            $"""
            update {schema}.ingest_runs set
                read = read + @read, accepted = accepted + @accepted, duplicates = duplicates + @duplicates,
                conflicting = conflicting + @conflicting, rejected = rejected + @rejected
            where id = @id
            """,
            connection,
            transaction))
        {
            update.Parameters.AddWithValue("id", runId);
            update.Parameters.AddWithValue("read", counts.Read);
            update.Parameters.AddWithValue("accepted", counts.Accepted);
            update.Parameters.AddWithValue("duplicates", counts.Duplicates);
            update.Parameters.AddWithValue("conflicting", counts.Conflicting);
            update.Parameters.AddWithValue("rejected", counts.Rejected);
            await update.ExecuteNonQueryAsync(ct);
        }

        if (rejections.Count == 0)
        {
            return;
        }

        await CountReasonsAsync(connection, transaction, runId, rejections, ct);
        await StoreRejectionsAsync(connection, transaction, runId, rejections, ct);
    }

    /// <summary>The run's rejections per reason, for its summary: counted even where the rejection itself was stored before.</summary>
    private async Task CountReasonsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyList<Rejection> rejections, CancellationToken ct)
    {
        var byReason = rejections.Where(r => r.Reason != RejectionReasons.ConflictingDuplicate).CountBy(r => r.Reason).ToList();
        if (byReason.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"""
            insert into {schema}.ingest_run_reasons (run_id, reason, count)
            select @run, reason, count from unnest(@reasons, @counts) as t(reason, count)
            on conflict (run_id, reason) do update set count = ingest_run_reasons.count + excluded.count
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("reasons", byReason.Select(r => r.Key).ToArray());
        command.Parameters.AddWithValue("counts", byReason.Select(r => (long)r.Value).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Stores each rejection once, whatever run meets it again: the unique fingerprint of its reason and bytes is the
    /// arbiter, so re-ingesting a file, or two ingests of it at once, add no second copy (DESIGN.md, "Bad input").
    /// </summary>
    private async Task StoreRejectionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyList<Rejection> rejections, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            insert into {schema}.rejected_events (run_id, source, record_index, byte_offset, reason, detail, raw, fingerprint)
            select @run, source, record_index, byte_offset, reason, detail, raw, fingerprint
            from unnest(@sources, @indexes, @offsets, @reasons, @details, @raws, @fingerprints)
                 with ordinality as t(source, record_index, byte_offset, reason, detail, raw, fingerprint, n)
            order by n
            on conflict (fingerprint) do nothing
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("sources", rejections.Select(r => r.Source).ToArray());
        command.Parameters.AddWithValue("indexes", rejections.Select(r => r.Index).ToArray());
        command.Parameters.AddWithValue("offsets", rejections.Select(r => r.ByteOffset).ToArray());
        command.Parameters.AddWithValue("reasons", rejections.Select(r => r.Reason).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?[]>("details", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. rejections.Select(r => r.Detail)],
        });
        command.Parameters.AddWithValue("raws", rejections.Select(r => r.Raw).ToArray());
        command.Parameters.AddWithValue("fingerprints", rejections.Select(r => RejectionFingerprint.Of(r.Reason, r.Raw)).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task FinishAsync(long runId, string status, string? message, CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand(
                $"update {schema}.ingest_runs set status = @status, message = @message, finished_at = now() where id = @id");
            command.Parameters.AddWithValue("id", runId);
            command.Parameters.AddWithValue("status", status);
            command.Parameters.Add(new NpgsqlParameter<string?>("message", NpgsqlDbType.Text) { TypedValue = message });
            return await command.ExecuteNonQueryAsync(ct);
        });

    public Task<IngestSummary> SummaryAsync(long runId, CancellationToken ct) =>
        PostgresErrors.Translate(async () => (await ListAsync(runId, 1, ct)).Single());

    /// <summary>The most recent runs (or one run), newest first.</summary>
    public Task<IReadOnlyList<IngestSummary>> ListAsync(long? runId, int limit, CancellationToken ct) =>
        PostgresErrors.Translate<IReadOnlyList<IngestSummary>>(async () =>
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
