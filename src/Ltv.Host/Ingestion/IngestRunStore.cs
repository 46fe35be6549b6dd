using Ltv.Domain.Validation;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ltv.Host.Ingestion;

/// <summary>The ingest_runs and rejected_events tables.</summary>
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

        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.rejected_events (run_id, source, record_index, byte_offset, reason, detail, raw) from stdin (format binary)", ct);
        foreach (var r in rejections)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(r.Source, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Index, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(r.ByteOffset, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(r.Reason, NpgsqlDbType.Text, ct);
            await writer.WriteNullableAsync(r.Detail, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Raw, NpgsqlDbType.Bytea, ct);
        }

        await writer.CompleteAsync(ct);
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
                       coalesce((select jsonb_object_agg(reason, n) from (
                                    select reason, count(*) as n from {schema}.rejected_events x
                                    where x.run_id = r.id and x.reason <> '{RejectionReasons.ConflictingDuplicate}'
                                    group by reason) g), '{EmptyJsonObject}')::text
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
