using Ltv.Host.Generation;
using Ltv.Host.Ingestion;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;
using Npgsql;

namespace Ltv.Host.Tests.Ingestion;

/// <summary>
/// An ingest appends with several writers side by side, each owning a share of the streams. None of that may show:
/// the store, every read model and every stream's versions are those of a single writer.
/// </summary>
public sealed class IngestWritersTests
{
    [Fact]
    public async Task several_writers_leave_exactly_the_store_of_one_writer_stream_versions_included()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-writers-{Guid.NewGuid():N}.ndjson");
        try
        {
            await GeneratedFile.WriteAsync(
                path, new SyntheticEventOptions(Customers: 400, Seed: 11, BadRate: 0.05), new GeneratedFileLayout(Shuffle: true, 0.1, Json: false, Gzip: false), default);
            await using var one = await LtvTestApp.StartAsync(ingestWriters: 1);
            await using var three = await LtvTestApp.StartAsync(ingestWriters: 3);

            var single = await one.IngestFileAsync(path);
            var several = await three.IngestFileAsync(path);

            several.Accepted.ShouldBe(single.Accepted);
            several.Duplicates.ShouldBe(single.Duplicates);
            several.Rejected.ShouldBe(single.Rejected);
            single.Accepted.ShouldBeGreaterThan(1000, "the input must need many batches of each writer");
            (await StreamVersionsAsync(three)).ShouldBe(await StreamVersionsAsync(one));
            (await SnapshotAsync(three)).ShouldMatch(await SnapshotAsync(one), "three writers against one");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task progress_from_several_writers_only_moves_forward_and_ends_at_the_whole_input()
    {
        await using var app = await LtvTestApp.StartAsync(ingestWriters: 3);
        var lines = Enumerable.Range(0, 2000).Select(i =>
            $$"""{"type":"SITE_VISIT","verb":"NEW","key":"p{{i}}","event_time":"2017-01-06T12:00:00Z","customer_id":"c{{i % 37}}"}""");
        var reports = new List<long>();
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var summary = await app.Get<IngestPipeline>().RunAsync(
            [new IngestSource("visits.ndjson", content, content.Length)], new SynchronousProgress(p => reports.Add(p.Read)), default);

        summary.Accepted.ShouldBe(2000);
        reports.Count.ShouldBeGreaterThan(3);
        reports.ShouldBe(reports.Order().Distinct().ToList(), "each report reads more than the one before");
        reports[^1].ShouldBe(2000);
    }

    private static async Task<List<string>> StreamVersionsAsync(LtvTestApp app)
    {
        var rows = new List<string>();
        await using var command = app.Get<NpgsqlDataSource>().CreateCommand(
            $"select stream_id || ' ' || version || ' ' || id from {app.Schema.Qualify("mt_events")} where stream_id <> 'mt_tombstone' order by stream_id, version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static Task<StoreSnapshot> SnapshotAsync(LtvTestApp app) =>
        StoreSnapshot.TakeAsync(app.Get<NpgsqlDataSource>(), app.Schema.Value);

    // Progress<T> posts to the thread pool, so its reports could be seen out of order; this one reports in place.
    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
