using System.Text.Json;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// SQL is built only with parameters: strings written to break out of a literal, an identifier or a LIKE pattern,
/// sent as customer ids, keys, names, types and command-line arguments, are stored and found verbatim, and the data
/// around them stays intact.
/// </summary>
public sealed class InjectionTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    public static readonly string[] Hostile =
    [
        "x'); drop table ltv.mt_events; --",
        "\" or 1=1 --",
        "'||(select string_agg(datname, ',') from pg_database)||'",
        "$$; truncate ltv.mt_events; $$",
        "%_%",
        "\\'; delete from ltv.mt_streams; --",
        "Robert'); DROP TABLE Students;--",
        "c' union select version() --",
        ":name @p $1 ?",
        "ö'\u00a0\ud83d\ude00\t\u200b",
    ];

    [Fact]
    public async Task hostile_ids_keys_and_names_are_stored_and_found_verbatim_and_nothing_else_changes()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        var file = GeneratedInput.TempPath("hostile.ndjson");
        await File.WriteAllLinesAsync(file, Hostile.SelectMany(Events));
        try
        {
            var ingest = await ltv.RunAsync("ingest", file, "--format", "json");

            ingest.ExitCode.ShouldBe(0, ingest.Error);
            using (var summary = JsonDocument.Parse(ingest.Output))
            {
                summary.RootElement.GetProperty("accepted").GetInt64().ShouldBe(Hostile.Length * 3);
                summary.RootElement.GetProperty("rejected").GetInt64().ShouldBe(Hostile.Length);
            }

            await Task.WhenAll(Hostile.SelectMany(text => new[] { CustomerShouldBeVerbatimAsync(ltv, text), RejectionShouldBeFoundVerbatimAsync(ltv, text) }));

            (await CountAsync($"select count(*) from \"{ltv.Schema}\".mt_events")).ShouldBe(Hostile.Length * 3);
            (await CountAsync($"select count(*) from \"{ltv.Schema}\".mt_streams")).ShouldBe(Hostile.Length);
            (await CountAsync("select count(*) from ltv.mt_events")).ShouldBe(0, "the fixture's own schema, which the strings name, is untouched");
            (await CountAsync("select count(*) from ltv.mt_streams")).ShouldBe(0);
            var top = await ltv.RunAsync("top", "100", "--format", "json");
            JsonDocument.Parse(top.Output).RootElement.EnumerateArray().Select(c => c.GetProperty("customerId").GetString())
                .ShouldBe(Hostile, ignoreOrder: true);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("rejected", "--run", "1 or 1=1")]
    [InlineData("rejected", "--run", "1; drop table ltv.mt_events")]
    [InlineData("rejected", "retry", "--run", "0) or (1=1")]
    [InlineData("ingests", "--limit", "1; select 1")]
    [InlineData("top", "3 --lifespan 1", "--timeframe", "dataset")]
    public async Task a_hostile_number_argument_is_refused_by_the_parser_before_any_sql(params string[] args)
    {
        var result = await new LtvProcess(app.Database.ConnectionString).RunAsync(args);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(" must be a whole number from ");
        result.Error.ShouldNotContain("   at ");
    }

    /// <summary>Per hostile string: a customer named by it, with a visit and an order keyed by it, and an unknown type named by it.</summary>
    private static IEnumerable<string> Events(string text)
    {
        const string Time = "2017-01-06T12:00:00Z";
        yield return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "CUSTOMER", ["verb"] = "NEW", ["key"] = text, ["event_time"] = Time, ["last_name"] = text, ["adr_city"] = text });
        yield return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "SITE_VISIT", ["verb"] = "NEW", ["key"] = text, ["customer_id"] = text, ["event_time"] = Time, ["tags"] = new[] { text } });
        yield return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "ORDER", ["verb"] = "NEW", ["key"] = text, ["customer_id"] = text, ["event_time"] = Time, ["total_amount"] = "12.34 USD" });
        yield return JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = "X" + text, ["verb"] = "NEW", ["key"] = text, ["customer_id"] = text, ["event_time"] = Time });
    }

    private static async Task CustomerShouldBeVerbatimAsync(LtvProcess ltv, string text)
    {
        var result = await ltv.RunAsync("customer", text, "--format", "json");

        result.ExitCode.ShouldBe(0, $"{text}: {result.Error}");
        using var customer = JsonDocument.Parse(result.Output);
        customer.RootElement.GetProperty("customerId").GetString().ShouldBe(text);
        customer.RootElement.GetProperty("profile").GetProperty("lastName").GetString().ShouldBe(text);
        customer.RootElement.GetProperty("profile").GetProperty("city").GetString().ShouldBe(text);
        customer.RootElement.GetProperty("visits").GetInt32().ShouldBe(1, text);
        customer.RootElement.GetProperty("orders").GetInt32().ShouldBe(1, text);
    }

    private static async Task RejectionShouldBeFoundVerbatimAsync(LtvProcess ltv, string text)
    {
        var reason = Domain.Validation.RejectionReasons.UnknownType("X" + text);

        var result = await ltv.RunAsync("rejected", "--reason", reason, "--format", "json");

        result.ExitCode.ShouldBe(0, $"{text}: {result.Error}");
        using var rows = JsonDocument.Parse(result.Output);
        var row = rows.RootElement.EnumerateArray().ShouldHaveSingleItem($"--reason matches as plain text, not a pattern: {text}");
        row.GetProperty("reason").GetString().ShouldBe(reason);
        using var raw = JsonDocument.Parse(row.GetProperty("raw").GetString()!);
        raw.RootElement.GetProperty("key").GetString().ShouldBe(text);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
