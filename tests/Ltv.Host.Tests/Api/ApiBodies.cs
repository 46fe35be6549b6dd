using Ltv.Host.Generation;

namespace Ltv.Host.Tests.Api;

/// <summary>Synthetic request bodies: valid events with their quirks, bad records, duplicates and malformed lines, shuffled.</summary>
public sealed record ApiBody(IReadOnlyList<string> Lines, IReadOnlyList<string> JsonLines, IReadOnlySet<int> MalformedIndexes)
{
    public static readonly string[] Malformed = ["{\"type\": \"ORDER\", \"verb\": ", "not json at all", "{\"type\": SITE_VISIT}"];

    /// <summary>About 8 events a customer, a tenth of the records breaking a rule, a tenth repeated, three malformed lines.</summary>
    public static ApiBody Shuffled(int customers, int seed)
    {
        var random = new Random(seed);
        var events = SyntheticEvents.Generate(new SyntheticEventOptions(customers, seed, BadRate: 0.1)).ToList();
        var json = events.Concat(events.Where(_ => random.NextDouble() < 0.1)).OrderBy(_ => random.Next()).ToList();
        var lines = new List<string>(json);
        foreach (var bad in Malformed)
        {
            lines.Insert(random.Next(1, lines.Count), bad); // never first: a broken first value reads as broken pretty-printed JSON
        }

        var malformed = lines.Select((line, i) => (line, i)).Where(x => Malformed.Contains(x.line)).Select(x => x.i).ToHashSet();
        return new ApiBody(lines, json, malformed);
    }
}
