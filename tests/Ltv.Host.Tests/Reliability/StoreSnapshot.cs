using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Everything a schema holds that must not depend on how the events got there: every document of every Marten read
/// model (id and data, not Marten's versions and timestamps), every row of the read models' own tables, the events
/// (stream, id, type, data: not the arrival order or sequence numbers), and the distinct rejected records. Two stores
/// with equal snapshots answer every query alike.
/// </summary>
public sealed record StoreSnapshot(
    IReadOnlyDictionary<string, IReadOnlyList<string>> ReadModels, IReadOnlyList<string> Events, IReadOnlyList<string> Rejected)
{
    // The ingestion module's tables; every other table of the schema is Marten's own (mt_, documents aside) or a read model's.
    // The pointer to the live copies is compared through what it selects; the schema stamp records when a build last
    // migrated the schema, and the hosts' heartbeats (mt_doc_ltv_host) who served it, not what the store holds.
    private static readonly string[] StoreTables = ["ingest_runs", "ingest_run_reasons", "rejected_events", "ltv_live_copies", "ltv_schema_stamp"];

    public static async Task<StoreSnapshot> TakeAsync(NpgsqlDataSource dataSource, string schema)
    {
        var tables = await RowsAsync(
            dataSource,
            """
            select table_name::text from information_schema.tables
            where table_schema = @schema and table_type = 'BASE TABLE' and not (table_name = any(@store))
              and (table_name not like 'mt\_%' or (table_name like 'mt\_doc\_%' and table_name not in ('mt_doc_deadletterevent', 'mt_doc_ltv_host')))
            order by 1
            """,
            schema);
        var readModels = new Dictionary<string, IReadOnlyList<string>>();
        var greenIsLive = (await RowsAsync(dataSource, $"select read_model from \"{schema}\".ltv_live_copies where live = 'green'", schema)).ToHashSet();
        foreach (var table in tables.Where(t => !IsIdleCopy(t, greenIsLive)))
        {
            // Identifiers from the catalogue, quoted: this is test code reading its own schema.
            var row = table.StartsWith("mt_doc_", StringComparison.Ordinal) ? "jsonb_build_object('id', t.id, 'data', t.data)" : "to_jsonb(t)";
            var rows = await RowsAsync(dataSource, $"select {row}::text from \"{schema}\".\"{table}\" t", schema);
            // Keyed by the read model's table whichever copy is live: a rebuild switches copies, not contents.
            readModels[WithoutCopy(table)] = [.. rows.Select(WithoutTrailingZeros).Order(StringComparer.Ordinal)];
        }

        var events = await RowsAsync(
            dataSource, $"select jsonb_build_array(stream_id, id, type, data)::text from \"{schema}\".mt_events where stream_id <> 'mt_tombstone' order by 1", schema);
        var rejected = await RowsAsync(
            dataSource, $"select distinct jsonb_build_array(reason, encode(raw, 'base64'))::text from \"{schema}\".rejected_events order by 1", schema);
        return new StoreSnapshot(readModels, events, rejected);
    }

    /// <summary>
    /// Queries read the live copy of each async read model (blue unless a rebuild switched to green). The idle copy is
    /// a rebuild's scratch space, kept by whichever daemon holds it (`ltv serve` keeps both, a command's catch-up only
    /// the live one), so it is no part of what a store answers.
    /// </summary>
    private static bool IsIdleCopy(string table, HashSet<string> greenIsLive) => table switch
    {
        _ when table.StartsWith("daily_stats_green_", StringComparison.Ordinal) => !greenIsLive.Contains("daily_stats"),
        _ when table.StartsWith("daily_stats_", StringComparison.Ordinal) => greenIsLive.Contains("daily_stats"),
        "mt_doc_ltv_ranking_green" => !greenIsLive.Contains("ltv_ranking"),
        "mt_doc_ltv_ranking" => greenIsLive.Contains("ltv_ranking"),
        _ => false,
    };

    private static string WithoutCopy(string table) => table switch
    {
        "mt_doc_ltv_ranking_green" => "mt_doc_ltv_ranking",
        _ when table.StartsWith("daily_stats_green_", StringComparison.Ordinal) => "daily_stats_" + table["daily_stats_green_".Length..],
        _ => table,
    };

    /// <summary>Compares table by table, naming the first row that differs.</summary>
    public void ShouldMatch(StoreSnapshot expected, string because)
    {
        ReadModels.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.ReadModels.Keys.Order(StringComparer.Ordinal), because);
        foreach (var (table, rows) in expected.ReadModels)
        {
            Same(ReadModels[table], rows, $"{because}: read model {table}");
        }

        Same(Events, expected.Events, $"{because}: events");
        Same(Rejected, expected.Rejected, $"{because}: rejected records");
    }

    /// <summary>
    /// The store's own invariants: stream versions are 1..n without gaps and match Marten's streams table, every run's
    /// read = accepted + duplicates + rejected, its rejections per reason add up to its rejected, and the runs'
    /// accepted add up to the events stored. Marten's tombstones (sequence numbers of failed appends) are no events.
    /// </summary>
    public static async Task ShouldBeConsistentAsync(NpgsqlDataSource dataSource, string schema, string because)
    {
        var broken = await RowsAsync(dataSource, $"""
            select 'gap in ' || stream_id from (
                select stream_id, version, row_number() over (partition by stream_id order by version) as n
                from "{schema}".mt_events where stream_id <> 'mt_tombstone') v where version <> n
            union all
            select 'version of ' || s.id from "{schema}".mt_streams s
            where s.id <> 'mt_tombstone' and s.version <> (select count(*) from "{schema}".mt_events e where e.stream_id = s.id)
            union all
            select 'counters of run ' || id from "{schema}".ingest_runs where read <> accepted + duplicates + rejected
            union all
            select 'reasons of run ' || id from "{schema}".ingest_runs r
            where rejected <> (select coalesce(sum(count), 0) from "{schema}".ingest_run_reasons x where x.run_id = r.id)
            union all
            select 'accepted ' || (select coalesce(sum(accepted), 0) from "{schema}".ingest_runs) || ' <> events ' || (select count(*) from "{schema}".mt_events where stream_id <> 'mt_tombstone')
            where (select coalesce(sum(accepted), 0) from "{schema}".ingest_runs)
                  <> (select count(*) from "{schema}".mt_events where stream_id <> 'mt_tombstone')
            """, schema);
        broken.ShouldBeEmpty(because);
    }

    // A numeric sum keeps the largest scale of its terms, so 100.00 + 7.7 is 107.70 and 7.7 + 100 is 107.7: the same
    // amount, whose scale depends on the order batches came in. Queries round money for display; compare values.
    private static string WithoutTrailingZeros(string row) => Normalised(JsonNode.Parse(row))!.ToJsonString();

    private static JsonNode? Normalised(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToList())
                {
                    json[name] = Normalised(value?.DeepClone());
                }

                return json;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Normalised(item?.DeepClone()))]);
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number && number.ToJsonString() is var text && text.Contains('.'):
                return JsonNode.Parse(text.TrimEnd('0').TrimEnd('.'));
            default:
                return node;
        }
    }

    private static void Same(IReadOnlyList<string> actual, IReadOnlyList<string> expected, string because)
    {
        var missing = expected.Except(actual).Take(3).ToList();
        var extra = actual.Except(expected).Take(3).ToList();
        var difference = $"{because}: {actual.Count} rows, expected {expected.Count}; missing [{string.Join(", ", missing)}]; unexpected [{string.Join(", ", extra)}]";
        (missing.Count, extra.Count, actual.Count).ShouldBe((0, 0, expected.Count), difference);
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(NpgsqlDataSource dataSource, string sql, string schema)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("store", StoreTables);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
