using System.Globalization;
using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Stats;

/// <summary>`ltv stats ...` as a real process: exit codes, one-line errors, and the JSON and CSV shapes the README documents.</summary>
public sealed class StatsCliTests(ProofInputStore store) : IClassFixture<ProofInputStore>
{
    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("stats", "day", "2017-02-30")]
    [InlineData("stats", "day", "06/01/2017")]
    [InlineData("stats", "range", "--from", "2017-01-01", "--to", "soon")]
    [InlineData("stats", "range", "--from", "2017-01-02", "--to", "2017-01-01")]
    [InlineData("stats", "top", "--from", "2017-01-01")]
    [InlineData("stats", "top", "--from", "2017-01-01", "--to", "2017-01-31", "--by", "images")]
    [InlineData("stats", "top", "--from", "2017-01-01", "--to", "2017-01-31", "--limit", "0")]
    [InlineData("stats", "repeaters", "--from", "2017-1-1")]
    public async Task a_mistake_in_a_date_or_option_is_one_line_on_stderr_and_exit_code_1(params string[] args)
    {
        var result = await new LtvProcess(store.ConnectionString).RunAsync(args);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.Error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldStartWith("ltv: ");
    }

    [Fact]
    public async Task a_day_with_no_activity_answers_zero_totals_not_an_error()
    {
        var result = await store.Ltv.RunAsync("stats", "day", "2030-06-01", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("date").GetString().ShouldBe("2030-06-01");
        var totals = json.RootElement.GetProperty("totals");
        totals.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ShouldBe(
            [("customers", "0"), ("newCustomers", "0"), ("visits", "0"), ("images", "0"), ("orders", "0"), ("revenue", "0.00")]);
        json.RootElement.GetProperty("customers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task stats_day_json_has_the_documented_shape_and_equals_the_reference()
    {
        // The busiest day, and the day of the challenge's own sample (with its ORDER and IMAGE).
        var busiest = store.Reference.Days.MaxBy(d => store.Reference.Day(d).Totals.Customers);
        foreach (var day in new[] { busiest, new DateOnly(2017, 1, 6) })
        {
            var result = await store.Ltv.RunAsync("stats", "day", Text(day), "--format", "json");

            result.ExitCode.ShouldBe(0, result.Error);
            using var json = JsonDocument.Parse(result.Output);
            var root = json.RootElement;
            var expected = store.Reference.Day(day);
            Names(root).ShouldBe(["date", "totals", "customers"]);
            root.GetProperty("date").GetString().ShouldBe(Text(day));
            var totals = root.GetProperty("totals");
            Names(totals).ShouldBe(["customers", "newCustomers", "visits", "images", "orders", "revenue"]);
            totals.GetProperty("customers").GetInt64().ShouldBe(expected.Totals.Customers);
            totals.GetProperty("newCustomers").GetInt64().ShouldBe(expected.Totals.NewCustomers);
            totals.GetProperty("visits").GetInt64().ShouldBe(expected.Totals.Visits);
            totals.GetProperty("images").GetInt64().ShouldBe(expected.Totals.Images);
            totals.GetProperty("orders").GetInt64().ShouldBe(expected.Totals.Orders);
            totals.GetProperty("revenue").GetRawText().ShouldBe(Money(expected.Totals.Revenue));
            var customers = root.GetProperty("customers").EnumerateArray().ToList();
            customers.ShouldNotBeEmpty();
            customers.ShouldAllBe(c => Names(c).SequenceEqual(new[] { "customerId", "visits", "images", "orders", "revenue" }));
            customers.Select(c => new CustomerFigures(
                    c.GetProperty("customerId").GetString()!, c.GetProperty("visits").GetInt64(), c.GetProperty("images").GetInt64(),
                    c.GetProperty("orders").GetInt64(), c.GetProperty("revenue").GetDecimal()))
                .ShouldBe(expected.Customers);
        }
    }

    [Fact]
    public async Task stats_repeaters_json_is_repeaters_buyers_and_rate_and_the_list_with_list()
    {
        var expected = store.Reference.Repeaters(DayWindow.All);

        var plain = await store.Ltv.RunAsync("stats", "repeaters", "--format", "json");
        var listed = await store.Ltv.RunAsync("stats", "repeaters", "--list", "--format", "json");

        plain.ExitCode.ShouldBe(0, plain.Error);
        using var json = JsonDocument.Parse(plain.Output);
        Names(json.RootElement).ShouldBe(["repeaters", "buyers", "rate"]);
        json.RootElement.GetProperty("repeaters").GetInt64().ShouldBe(expected.Repeaters);
        json.RootElement.GetProperty("buyers").GetInt64().ShouldBe(expected.Buyers);
        json.RootElement.GetProperty("rate").GetRawText().ShouldBe(Math.Round(expected.Rate, 4).ToString("F4", CultureInfo.InvariantCulture));
        using var withList = JsonDocument.Parse(listed.Output);
        Names(withList.RootElement).ShouldBe(["repeaters", "buyers", "rate", "customers"]);
        withList.RootElement.GetProperty("customers").EnumerateArray()
            .Select(c => new RepeatCustomer(c.GetProperty("customerId").GetString()!, c.GetProperty("orders").GetInt64(), c.GetProperty("revenue").GetDecimal()))
            .ShouldBe(expected.Customers);
    }

    [Fact]
    public async Task stats_top_and_range_answer_as_the_reference_does()
    {
        var (from, to) = (new DateOnly(2017, 1, 1), new DateOnly(2017, 3, 31));

        var top = await store.Ltv.RunAsync("stats", "top", "--from", Text(from), "--to", Text(to), "--by", "orders", "--limit", "5", "--format", "json");
        var range = await store.Ltv.RunAsync("stats", "range", "--from", Text(from), "--to", Text(to), "--format", "csv");

        top.ExitCode.ShouldBe(0, top.Error);
        using var json = JsonDocument.Parse(top.Output);
        Names(json.RootElement).ShouldBe(["from", "to", "by", "customers"]);
        json.RootElement.GetProperty("by").GetString().ShouldBe("orders");
        json.RootElement.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString())
            .ShouldBe(store.Reference.Top(from, to, TopMetric.Orders, 5).Select(c => c.CustomerId));
        var lines = range.Output.TrimEnd().Split('\n');
        lines[0].ShouldBe("date,customers,newCustomers,visits,images,orders,revenue");
        lines.Length.ShouldBe(1 + 90);
        var jan6 = store.Reference.Day(new DateOnly(2017, 1, 6)).Totals;
        lines.ShouldContain($"2017-01-06,{jan6.Customers},{jan6.NewCustomers},{jan6.Visits},{jan6.Images},{jan6.Orders},{Money(jan6.Revenue)}");
    }

    [Fact]
    public async Task a_backfill_gives_damaged_daily_statistics_back_every_figure()
    {
        var ltv = new LtvProcess(store.ConnectionString);
        (await ltv.RunAsync("ingest", ProofInputStore.InputFile)).ExitCode.ShouldBe(0);
        var days = store.Reference.Days;
        string[][] questions =
        [
            ["stats", "range", "--from", Text(days[0]), "--to", Text(days[^1]), "--format", "json"],
            ["stats", "repeaters", "--list", "--format", "json"],
            ["stats", "top", "--from", Text(days[0]), "--to", Text(days[^1]), "--limit", "1000", "--format", "csv"],
        ];
        var before = new List<string>();
        foreach (var question in questions)
        {
            before.Add((await ltv.RunAsync(question)).Output);
        }

        await ReadModelDamage.DamageAsync(store.ConnectionString, ltv.Schema, "daily_stats");
        for (var i = 0; i < questions.Length; i++)
        {
            (await ltv.RunAsync(questions[i])).Output.ShouldNotBe(before[i], $"the damage shows in {string.Join(' ', questions[i])}");
        }

        var backfill = await ltv.RunAsync("stats", "backfill");

        backfill.ExitCode.ShouldBe(0, backfill.Error);
        backfill.Output.Trim().ShouldBe($"daily_stats: recomputed from {LtvOracle.AcceptedEvents(store.Lines).Count} events");
        for (var i = 0; i < questions.Length; i++)
        {
            (await ltv.RunAsync(questions[i])).Output.ShouldBe(before[i], string.Join(' ', questions[i]));
        }
    }
}
