using System.Diagnostics;
using Npgsql;

namespace Ltv.Host.Benchmark;

/// <summary>
/// The physical limit for durable writes on this server: the same events written with Npgsql binary COPY, in one
/// statement and one commit, into a bare table with the columns, defaults and indexes of Marten's events table
/// (created with <c>like ... including all</c>, so it follows the real schema), and nothing else: no parsing,
/// validation, de-duplication, stream versioning, streams table or projection.
/// </summary>
internal sealed class BaselineCopy(string connectionString)
{
    /// <summary>The columns an append writes; the others take their defaults, as in an append.</summary>
    public const string Columns = "seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type";

    private const string Table = "ltv_bench_baseline.events";

    /// <summary>Copies the exported events (see <see cref="BenchStore.ExportEventsAsync"/>) into a fresh bare table.</summary>
    public async Task<TimeSpan> RunAsync(string exportedEvents, string likeSchema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(
            connection,
            $"""
            drop schema if exists ltv_bench_baseline cascade;
            create schema ltv_bench_baseline;
            create table {Table} (like {likeSchema}.mt_events including all);
            """,
            ct);

        var clock = Stopwatch.StartNew();
        await using (var file = new FileStream(exportedEvents, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"copy {Table} ({Columns}) from stdin (format binary)", ct))
        {
            await file.CopyToAsync(copy, ct);
        }

        var elapsed = clock.Elapsed;
        await ExecuteAsync(connection, "drop schema ltv_bench_baseline cascade", ct);
        return elapsed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
