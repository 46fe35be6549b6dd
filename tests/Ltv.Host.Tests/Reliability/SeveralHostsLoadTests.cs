using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ltv.Domain.Lifetime;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Promises;
using Ltv.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// The load script of docs/SCALING.md (tests/load/several-hosts.sh runs it at about 1M events with LTV_LOAD_CUSTOMERS;
/// CI runs it at 2,000 customers): the same generated file is posted in parts through the HTTP API, once to one host
/// and once spread over three, while the host that runs the read models is killed with kill -9 twice and replaced.
/// At the end the three-host store's read models equal the one-host store's (no kill, no second host: a plain fold of
/// the same events), and top X equals the domain's own fold of the file for both timeframes. It prints the ingest
/// throughput of both and the takeover times.
/// </summary>
public sealed class SeveralHostsLoadTests(LtvTestApp app, ITestOutputHelper output) : IClassFixture<LtvTestApp>
{
    private const int Parts = 24;
    private const int Posters = 3;
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(60);

    private static int Customers { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("LTV_LOAD_CUSTOMERS"), CultureInfo.InvariantCulture, out var n) ? n : 2_000;

    [Fact]
    public async Task three_hosts_ingest_through_two_kills_and_their_read_models_equal_a_fold_of_the_log()
    {
        var generator = new LtvProcess(app.Database.ConnectionString);
        var file = await GeneratedInput.GenerateAsync(generator, Customers, seed: 37);
        try
        {
            var lines = await File.ReadAllLinesAsync(file);
            var lanes = Lanes(lines);
            output.WriteLine($"{lines.Length:N0} records of {Customers:N0} customers in {Lanes(lines).Sum(l => l.Count)} parts, {Posters} posters");

            // One host: the throughput baseline, and the store the three-host one must equal.
            var single = new LtvProcess(app.Database.ConnectionString);
            TimeSpan oneHost;
            await using (var host = await ServeProcess.StartAsync(Named(single.Schema, "solo")))
            {
                oneHost = await PostAllAsync(lanes, _ => host);
                await CaughtUpAsync(single);
            }

            // Three hosts, each posted one lane; the one running the ranking is killed after a third and after two
            // thirds of the parts, and a new host takes its place.
            var spread = new LtvProcess(app.Database.ConnectionString);
            var hosts = new List<ServeProcess>();
            for (var i = 0; i < 3; i++)
            {
                hosts.Add(await ServeProcess.StartAsync(Named(spread.Schema, $"node-{i}")));
            }

            var takeovers = new List<TimeSpan>();
            TimeSpan threeHosts;
            TimeSpan withKills;
            try
            {
                var clock = Stopwatch.StartNew();
                ServeProcess Host(int lane) => hosts[lane % hosts.Count];
                threeHosts = await PostAllAsync(Third(lanes, 0), Host);
                takeovers.Add(await KillRunnerAsync(spread, hosts, replacement: "node-3"));
                threeHosts += await PostAllAsync(Third(lanes, 1), Host);
                takeovers.Add(await KillRunnerAsync(spread, hosts, replacement: "node-4"));
                threeHosts += await PostAllAsync(Third(lanes, 2), Host);
                withKills = clock.Elapsed;
                await CaughtUpAsync(spread);
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }

            output.WriteLine(
                $"ingest through 1 host: {Rate(lines.Length, oneHost)}; through 3 hosts: {Rate(lines.Length, threeHosts)} ({oneHost / threeHosts:F2}x), " +
                $"{withKills.TotalSeconds:F1} s with the two kills, takeovers and replacement hosts");
            output.WriteLine($"takeover after kill -9: {string.Join(", ", takeovers.Select(t => $"{t.TotalSeconds:F1} s"))}");

            await StoreSnapshot.ShouldBeConsistentAsync(app.Database.DataSource, spread.Schema, "three hosts, two killed");
            (await DifferencesAsync(single.Schema, spread.Schema)).ShouldBeEmpty("read models of three hosts with two kills against one host");
            await TopShouldEqualTheFoldAsync(spread, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private LtvProcess Named(string schema, string host) =>
        new(app.Database.ConnectionString, schema) { Environment = { ["LTV_HOST_NAME"] = host } };

    /// <summary>
    /// The records in <see cref="Posters"/> lanes by customer, as a load balancer that routes by customer would send them
    /// (so no two hosts append to one customer's stream at once, though they may: EventLogAppenderTests), each lane in
    /// parts of about 1/<see cref="Parts"/> of the file. A record that is not a JSON object goes to the first lane.
    /// </summary>
    private static List<List<string[]>> Lanes(string[] lines)
    {
        var size = Math.Max(1, lines.Length / Parts);
        return [.. lines.GroupBy(Lane).OrderBy(g => g.Key).Select(g => g.Chunk(size).ToList())];
    }

    private static int Lane(string line)
    {
        try
        {
            var record = JsonNode.Parse(line);
            var customer = record?["type"]?.GetValue<string>() == "CUSTOMER" ? record["key"] : record?["customer_id"];
            return customer?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? (int)((uint)StringComparer.Ordinal.GetHashCode(customer.GetValue<string>()) % Posters)
                : 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private static List<List<string[]>> Third(List<List<string[]>> lanes, int third) =>
        [.. lanes.Select(parts => parts[(third * parts.Count / 3)..((third + 1) * parts.Count / 3)])];

    /// <summary>
    /// Posts each lane's parts in order, the lanes side by side, lane i to <paramref name="host"/>(i). A part whose host
    /// is killed mid-post is posted again to the next host: what it had committed counts as duplicates.
    /// </summary>
    private static async Task<TimeSpan> PostAllAsync(List<List<string[]>> lanes, Func<int, ServeProcess> host)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(lanes.Select(async (parts, lane) =>
        {
            foreach (var part in parts)
            {
                for (var attempt = 0; !await TryPostAsync(host(lane + attempt), part); attempt++)
                {
                    attempt.ShouldBeLessThan(5, "a part could not be posted to any host");
                }
            }
        }));
        return clock.Elapsed;
    }

    private static async Task<bool> TryPostAsync(ServeProcess server, string[] lines)
    {
        if (server.HasExited)
        {
            return false;
        }

        JsonNode summary;
        try
        {
            summary = await server.PostLinesAsync(lines);
        }
        catch (HttpRequestException)
        {
            // Only a host killed meanwhile may drop a post.
            await Task.Delay(500);
            if (server.HasExited)
            {
                return false;
            }

            throw;
        }

        summary["read"]!.GetValue<long>().ShouldBe(lines.Length);
        return true;
    }

    /// <summary>kill -9 of the host whose session holds the ranking's lock; a new host replaces it. Returns the time until another runs it.</summary>
    private async Task<TimeSpan> KillRunnerAsync(LtvProcess ltv, List<ServeProcess> hosts, string replacement)
    {
        var runner = await RunnerAsync(ltv);
        while (runner.Name is null)
        {
            await Task.Delay(100);
            runner = await RunnerAsync(ltv);
        }

        var victim = hosts.Single(h => h.ProcessId == runner.ProcessId);
        var clock = Stopwatch.StartNew();
        victim.Kill();
        while (true)
        {
            var now = await RunnerAsync(ltv);
            if (now.Name is not null && now.Name != runner.Name)
            {
                var takeover = clock.Elapsed;
                output.WriteLine($"{runner.Name} killed; {now.Name} runs ltv_ranking after {takeover.TotalSeconds:F1} s");
                hosts[hosts.IndexOf(victim)] = await ServeProcess.StartAsync(Named(ltv.Schema, replacement));
                await victim.DisposeAsync();
                return takeover;
            }

            clock.Elapsed.ShouldBeLessThan(TakeoverBound, $"no host took ltv_ranking over from {runner.Name}");
            await Task.Delay(100);
        }
    }

    /// <summary>The host that runs the ranking, by its session's application name, and its process id from its heartbeat.</summary>
    private async Task<(string? Name, int ProcessId)> RunnerAsync(LtvProcess ltv)
    {
        while (true)
        {
            var status = JsonNode.Parse((await ltv.RunAsync("status", "--format", "json")).Output)!;
            var runBy = status["projections"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "ltv_ranking")!["runBy"]?.GetValue<string>();
            var host = status["hosts"]!.AsArray().FirstOrDefault(h => runBy == $"ltv serve {h!["name"]!.GetValue<string>()}");
            if (host is not null || runBy is null)
            {
                return (runBy, host?["processId"]!.GetValue<int>() ?? 0);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the serving hosts' daemons to apply the whole log (at about 1M events, minutes).</summary>
    private async Task CaughtUpAsync(LtvProcess ltv)
    {
        var clock = Stopwatch.StartNew();
        while (await ltv.LagAsync() > 0)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(30), "the read models did not catch up");
            await Task.Delay(1000);
        }

        output.WriteLine($"caught up {clock.Elapsed.TotalSeconds:F1} s after the last post");
    }

    /// <summary>
    /// Rows of the live copy of each read model that one store holds and the other does not, compared in the database
    /// (jsonb equality compares numbers by value): a million rows need not come into the test.
    /// </summary>
    private async Task<IReadOnlyList<string>> DifferencesAsync(string expected, string actual)
    {
        var differences = new List<string>();
        foreach (var (readModel, rows) in new[]
        {
            ("customer_lifetime", "jsonb_build_object('id', id, 'data', data) from \"{0}\".mt_doc_customer_lifetime"),
            ("ltv_ranking", "jsonb_build_object('id', id, 'data', data) from \"{0}\".{1}"),
            ("daily_stats_customer_days", "to_jsonb(t) from \"{0}\".{1} t"),
            ("daily_stats_orders", "to_jsonb(t) from \"{0}\".{1} t"),
            ("daily_stats_customers", "to_jsonb(t) from \"{0}\".{1} t"),
        })
        {
            var left = string.Format(CultureInfo.InvariantCulture, rows, expected, await LiveTableAsync(expected, readModel));
            var right = string.Format(CultureInfo.InvariantCulture, rows, actual, await LiveTableAsync(actual, readModel));
            await using var command = app.Database.DataSource.CreateCommand(
                $"select (select count(*) from (select {left} except select {right}) a), (select count(*) from (select {right} except select {left}) b)");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetInt64(0) + reader.GetInt64(1) > 0)
            {
                differences.Add($"{readModel}: {reader.GetInt64(0)} rows missing, {reader.GetInt64(1)} rows more");
            }
        }

        // Within each store, the inline customer_lifetime (folded by the appends of every host, side by side) equals the
        // lifetime the ranking folded on the daemon, one event after another.
        foreach (var schema in new[] { expected, actual })
        {
            await using var command = app.Database.DataSource.CreateCommand(
                $"select count(*) from \"{schema}\".mt_doc_customer_lifetime c full join \"{schema}\".{await LiveTableAsync(schema, "ltv_ranking")} r on r.id = c.id " +
                "where c.data is distinct from r.data->'lifetime'");
            if (await command.ExecuteScalarAsync() is long and > 0 and var count)
            {
                differences.Add($"{schema}: {count} customers whose customer_lifetime differs from the ranking's fold");
            }
        }

        return differences;
    }

    /// <summary>The table queries read for a read model: blue unless a rebuild made green live.</summary>
    private async Task<string> LiveTableAsync(string schema, string table)
    {
        await using var command = app.Database.DataSource.CreateCommand($"select live from \"{schema}\".ltv_live_copies where read_model = @model");
        var model = table.StartsWith("daily_stats", StringComparison.Ordinal) ? "daily_stats" : table;
        command.Parameters.Add(new NpgsqlParameter("model", model));
        var green = await command.ExecuteScalarAsync() is "green";
        return (table, green) switch
        {
            ("ltv_ranking", true) => "mt_doc_ltv_ranking_green",
            ("ltv_ranking", false) => "mt_doc_ltv_ranking",
            (_, true) => "daily_stats_green_" + table["daily_stats_".Length..],
            _ => table,
        };
    }

    private static async Task TopShouldEqualTheFoldAsync(LtvProcess ltv, string file)
    {
        var objects = await OracleRanking.ObjectsAsync(file);
        foreach (var timeframe in new[] { Timeframe.Dataset, Timeframe.Customer })
        {
            var name = timeframe.ToString().ToLowerInvariant();
            var expected = LtvOracle.Top(objects, new LtvSettings(timeframe), 100).Select(c => $"{c.CustomerId.Value} {c.Ltv:F2}");
            var top = await ltv.RunAsync("top", "100", "--timeframe", name, "--format", "json");
            var actual = JsonNode.Parse(top.Output)!.AsArray().Select(c => $"{c!["customerId"]!.GetValue<string>()} {c["ltv"]!.GetValue<decimal>():F2}");
            actual.ShouldBe(expected, $"top 100, {name} timeframe");
        }
    }

    private static string Rate(int records, TimeSpan elapsed) =>
        $"{(records / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} records/s ({elapsed.TotalSeconds:F1} s)";
}
