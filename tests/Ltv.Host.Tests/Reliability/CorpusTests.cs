using System.IO.Compression;
using System.Text.Json;
using Ltv.Domain.Validation;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// The bad-input corpus: every file yields its documented outcome, a stored rejection with its reason and exact bytes,
/// or one clear line and exit 1, never a crash or a stack trace.
/// </summary>
public sealed class CorpusTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public void every_corpus_file_has_a_documented_outcome_and_every_reason_a_file()
    {
        var files = Directory.GetFiles(CorpusCases.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        files.ShouldBe(CorpusCases.All.Select(c => c.File).Order(StringComparer.Ordinal));

        var shown = CorpusCases.All.SelectMany(c => c.Rejected.Keys).Append(RejectionReasons.ConflictingDuplicate).ToHashSet();
        RejectionReasons.Fixed.Where(r => !shown.Contains(r)).ShouldBeEmpty();
        shown.ShouldContain(r => r.StartsWith(RejectionReasons.UnknownTypePrefix, StringComparison.Ordinal));
        shown.ShouldContain(r => r.StartsWith(RejectionReasons.UnsupportedVerbPrefix, StringComparison.Ordinal));
        shown.ShouldContain(r => r.StartsWith(RejectionReasons.UnsupportedCurrencyPrefix, StringComparison.Ordinal));

        // The bytes that make these files what they are survive git (.gitattributes: Corpus/** -text).
        Bytes("crlf.ndjson").AsSpan().IndexOf("\r\n"u8).ShouldBeGreaterThan(0);
        Bytes("bom.json").AsSpan().StartsWith("\uFEFF"u8).ShouldBeTrue();
        Bytes("invalid-utf8.ndjson").ShouldContain((byte)0xFF);
    }

    private static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(CorpusCases.Folder, file));

    [Theory]
    [MemberData(nameof(CorpusCases.Rejecting), MemberType = typeof(CorpusCases))]
    public async Task a_file_with_bad_records_stores_each_with_its_reason_and_exact_bytes(CorpusCase corpus)
    {
        var summary = await app.IngestFileAsync(Path.Combine(CorpusCases.Folder, corpus.File));

        (summary.Status, summary.Read, summary.Accepted, summary.Duplicates, summary.Conflicting)
            .ShouldBe(("completed", corpus.Read, corpus.Accepted, corpus.Duplicates, corpus.Conflicting));
        summary.RejectedByReason.ShouldBe(corpus.Rejected, ignoreOrder: true);
        summary.Rejected.ShouldBe(corpus.Rejected.Values.Sum());
        await StoredRejectionsShouldBeTheFileBytes(summary.RunId, corpus);
    }

    [Fact]
    public async Task the_real_cli_ingests_every_non_fatal_file_in_one_run_and_then_answers_every_query()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        var files = CorpusCases.All.Where(c => c.Fatal is null).Select(c => Path.Combine(CorpusCases.Folder, c.File)).ToArray();

        var ingest = await ltv.RunAsync(["ingest", .. files, "--format", "json"]);

        ingest.ExitCode.ShouldBe(0, ingest.Error);
        ingest.Error.ShouldBeEmpty();
        using var summary = JsonDocument.Parse(ingest.Output);
        summary.RootElement.GetProperty("read").GetInt64().ShouldBe(CorpusCases.All.Where(c => c.Fatal is null).Sum(c => c.Read));

        // Queries over what the corpus left: long ids, amounts of 0 and at the limit, a 10 MB event, odd customers.
        foreach (var query in new[] { ["top", "1000", "--format", "json"], ["customer", "corpus-numbers"], ["stats", "day", "2017-01-06"], new[] { "top", "3", "--timeframe", "customer", "--lifespan", "1000" } })
        {
            var result = await ltv.RunAsync(query);
            result.ExitCode.ShouldBe(0, $"{string.Join(' ', query)}: {result.Error}");
            result.Error.ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(CorpusCases.Fatal), MemberType = typeof(CorpusCases))]
    public async Task a_file_that_breaks_off_keeps_what_came_before_and_exits_1_with_one_line(CorpusCase corpus)
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);

        var result = await ltv.RunAsync("ingest", Path.Combine(CorpusCases.Folder, corpus.File), "--format", "json");

        result.ExitCode.ShouldBe(1);
        var line = result.Error.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("ltv: ");
        line.ShouldContain(corpus.Fatal!);
        using var summary = JsonDocument.Parse(result.Output);
        summary.RootElement.GetProperty("status").GetString().ShouldBe("failed");
        if (corpus != CorpusCases.Corrupt)
        {
            summary.RootElement.GetProperty("read").GetInt64().ShouldBe(corpus.Read);
            summary.RootElement.GetProperty("accepted").GetInt64().ShouldBe(corpus.Accepted);
            summary.RootElement.GetProperty("rejected").GetInt64().ShouldBe(corpus.Rejected.Values.Sum());
            return;
        }

        // Garbage decoded from corrupt data before the decompressor noticed was rejected, never accepted: every stored
        // event is one of the file's own (customer corpus-gzip, keys p0 to p1999).
        var accepted = summary.RootElement.GetProperty("accepted").GetInt64();
        accepted.ShouldBeGreaterThan(0);
        var keys = await ScalarsAsync<string>(
            $"select data->>'pageId' from {ltv.Schema}.mt_events where stream_id = 'corpus-gzip' union all select stream_id from {ltv.Schema}.mt_events where stream_id <> 'corpus-gzip'");
        keys.Count.ShouldBe((int)accepted);
        keys.ShouldAllBe(k => k != null && k.StartsWith('p') && int.Parse(k.Substring(1), System.Globalization.CultureInfo.InvariantCulture) < 2000);
    }

    private async Task StoredRejectionsShouldBeTheFileBytes(long runId, CorpusCase corpus)
    {
        var content = await ContentOf(corpus.File);
        await using var command = app.Database.DataSource.CreateCommand(
            $"select reason, byte_offset, raw from {app.Schema}.rejected_events where run_id = @run order by id");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        var reasons = new List<string>();
        while (await reader.ReadAsync())
        {
            reasons.Add(reader.GetString(0));
            var offset = reader.GetInt64(1);
            var raw = reader.GetFieldValue<byte[]>(2);
            raw.ShouldNotBeEmpty();
            content.AsSpan((int)offset).StartsWith(raw).ShouldBeTrue($"{corpus.File}: the stored bytes at offset {offset} are the file's");
        }

        var expected = corpus.Rejected.SelectMany(r => Enumerable.Repeat(r.Key, (int)r.Value));
        if (corpus.Conflicting > 0)
        {
            expected = expected.Concat(Enumerable.Repeat(RejectionReasons.ConflictingDuplicate, (int)corpus.Conflicting));
        }

        reasons.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    private static async Task<byte[]> ContentOf(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(CorpusCases.Folder, file));
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return bytes;
        }

        using var output = new MemoryStream();
        await using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(output);
        }

        return output.ToArray();
    }

    private async Task<List<T>> ScalarsAsync<T>(string sql)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
