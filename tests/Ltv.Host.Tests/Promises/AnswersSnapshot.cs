using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// Everything <c>ltv</c> answers about a store, asked as a user asks it (one process per question, JSON output) and
/// read from nothing else: no table and no class of the event store, so that the promises held to it outlive a change
/// of store. The questions: the summary, the whole ranking in both timeframes, every rejection, the repeaters, then
/// several customers with their streams and the daily statistics of the whole period. Customers and days are chosen from
/// the answers themselves, so two stores that answer alike are asked alike.
/// </summary>
public sealed record AnswersSnapshot(IReadOnlyDictionary<string, string> Answers)
{
    /// <summary>More rows than any test store holds: "all of them" for top X and the listings.</summary>
    public const string Everyone = "1000000";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<AnswersSnapshot> TakeAsync(LtvProcess ltv)
    {
        var answers = await AskAsync(ltv, [
            ["summary"], Top("dataset"), Top("customer"), ["rejected", "--all", "--limit", Everyone], ["stats", "repeaters", "--list"]]);
        var snapshot = new AnswersSnapshot(answers);
        foreach (var (question, answer) in await AskAsync(ltv, [.. snapshot.CustomerQuestions(), .. snapshot.DayQuestions()]))
        {
            answers[question] = answer;
        }

        return snapshot;
    }

    public static string[] Top(string timeframe) => ["top", Everyone, "--timeframe", timeframe];

    /// <summary>One answer, parsed; the question as it was asked, without <c>--format json</c>.</summary>
    public JsonNode Json(params string[] question) => JsonNode.Parse(Answers[string.Join(' ', question)])!;

    public long Events => Json("summary")["summary"]!["events"]!.GetValue<long>();

    /// <summary>
    /// The answers without what records how and when events arrived rather than what they say: a stream's events are
    /// sorted by content without their version and append time (the versions are kept apart, sorted, so a gap still
    /// shows), and a rejection keeps its reason, detail, text and whether a retry resolved it, not its run, source,
    /// position or time. Concurrent or interrupted ingests must give these answers of one clean ingest.
    /// </summary>
    public AnswersSnapshot WithoutArrivalOrder() => new(Answers.ToDictionary(a => a.Key, a => Canonical(a.Key, a.Value)));

    /// <summary>Every question asked alike and answered alike; else the first answer that differs, and where.</summary>
    public void ShouldMatch(AnswersSnapshot expected, string because)
    {
        Answers.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Answers.Keys.Order(StringComparer.Ordinal), $"{because}: the questions");
        foreach (var (question, answer) in expected.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var actual = Answers[question].Split('\n');
            var lines = answer.Split('\n');
            var common = Math.Min(actual.Length, lines.Length);
            var at = Enumerable.Range(0, common).FirstOrDefault(i => actual[i] != lines[i], common);

            // The first line that differs rather than both answers whole: an answer can run to thousands of lines.
            Line(actual, at).ShouldBe(Line(lines, at), $"{because}: line {at + 1} of `ltv {question}`");
        }
    }

    private static string Line(string[] lines, int at) => at < lines.Length ? lines[at] : "(end of the answer)";

    private IEnumerable<string[]> CustomerQuestions()
    {
        var ranking = Json(Top("dataset")).AsArray().Select(c => c!).ToList();
        var chosen = new[] { 0, 1, ranking.Count / 4, ranking.Count / 2, (ranking.Count * 3) / 4, ranking.Count - 1 }
            .Where(i => i >= 0 && i < ranking.Count).Select(i => ranking[i]);
        var withoutName = ranking.Where(c => c["lastName"] is null).Take(1);
        return chosen.Concat(withoutName).Select(c => c["customerId"]!.GetValue<string>()).Distinct().Select(id => new[] { "customer", id });
    }

    private IEnumerable<string[]> DayQuestions()
    {
        var summary = Json("summary")["summary"]!;
        if (summary["firstEventTime"] is not { } first || summary["lastEventTime"] is not { } last)
        {
            yield break;
        }

        var (from, to) = (Day(first), Day(last));
        yield return ["stats", "range", "--from", from, "--to", to];
        yield return ["stats", "day", from];
        yield return ["stats", "day", to];
        foreach (var by in new[] { "revenue", "orders", "visits" })
        {
            yield return ["stats", "top", "--from", from, "--to", to, "--by", by, "--limit", Everyone];
        }
    }

    private static string Day(JsonNode time) =>
        DateTimeOffset.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, string>> AskAsync(LtvProcess ltv, IEnumerable<string[]> questions)
    {
        var answers = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(questions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (question, _) =>
        {
            var result = await ltv.RunAsync([.. question, "--format", "json"]);
            answers[string.Join(' ', question)] = result.ExitCode == 0 && result.Error.Length == 0
                ? result.Output
                : $"exit code {result.ExitCode}\n{result.Output}\n{result.Error}";
        });
        return new Dictionary<string, string>(answers, StringComparer.Ordinal);
    }

    private static string Canonical(string question, string answer)
    {
        if (answer.StartsWith("exit code", StringComparison.Ordinal))
        {
            return answer;
        }

        var json = JsonNode.Parse(answer)!;
        JsonNode canonical = question.Split(' ')[0] switch
        {
            "summary" => json["summary"]!.DeepClone(),
            "customer" => WithEventsByContent(json.AsObject()),
            "rejected" => Sorted(json.AsArray().Select(r => new JsonObject
            {
                ["reason"] = r!["reason"]!.DeepClone(),
                ["detail"] = r["detail"]?.DeepClone(),
                ["raw"] = r["raw"]!.DeepClone(),
                ["resolved"] = r["retriedBy"] is not null,
            })),
            _ => json,
        };
        return canonical.ToJsonString(Indented);
    }

    private static JsonObject WithEventsByContent(JsonObject customer)
    {
        var events = customer["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var result = customer.DeepClone().AsObject();
        result["versions"] = new JsonArray([.. events.Select(e => e["version"]!.GetValue<long>()).Order().Select(v => (JsonNode)v)]);
        result["events"] = Sorted(events.Select(e => new JsonObject { ["type"] = e["type"]!.DeepClone(), ["data"] = e["data"]!.DeepClone() }));
        return result;
    }

    private static JsonArray Sorted(IEnumerable<JsonNode> items) =>
        new([.. items.OrderBy(i => i.ToJsonString(), StringComparer.Ordinal)]);
}
