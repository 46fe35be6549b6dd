using FsCheck;
using FsCheck.Fluent;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>Generators for the reliability properties: few customers, keys and times, so inputs are full of ties.</summary>
internal static class ReliabilityGen
{
    private static readonly (string Type, string Verb)[] Kinds =
        [("CUSTOMER", "NEW"), ("CUSTOMER", "UPDATE"), ("SITE_VISIT", "NEW"), ("IMAGE", "UPLOAD"), ("ORDER", "NEW"), ("ORDER", "UPDATE")];

    private static readonly string[] Customers = ["c1", "c2", "c3", "42"];
    private static readonly string[] Keys = ["k1", "k2", "7"];
    private static readonly string?[] Names = ["Smith", "Jones", null];
    private static readonly decimal[] Amounts = [0m, 0.01m, 12.34m, 99.9m, 1000000m];

    // Week and day boundaries, a tie, and the two ends of the year 2017.
    private static readonly DateTimeOffset[] Times =
    [
        new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2016, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
        new(2017, 1, 7, 12, 0, 0, TimeSpan.Zero), new(2017, 6, 15, 8, 30, 0, 250, TimeSpan.Zero), new(2017, 12, 31, 23, 0, 0, TimeSpan.Zero),
    ];

    public static Gen<EventSpec> Event { get; } =
        from kind in Gen.Elements(Kinds)
        from customer in Gen.Elements(Customers)
        from key in Gen.Elements(Keys)
        from time in Gen.Elements(Times)
        from amount in Gen.Elements(Amounts)
        from name in Gen.Elements(Names)
        select new EventSpec(kind.Type, kind.Verb, customer, key, time, amount, name);

    /// <summary>Distinct events, each once: two specs with one identity and different payloads would be a conflict.</summary>
    public static Gen<EventSpec[]> DistinctEvents { get; } =
        Gen.ArrayOf(Event).Select(events => events.DistinctBy(e => e.Identity).ToArray());

    /// <summary>The events, then the same events in another order, with copies in other shapes mixed in.</summary>
    public static Gen<(EventSpec[] Events, string[] Original, string[] Arrived)> ShuffledWithDuplicates { get; } =
        from events in DistinctEvents
        from copies in Gen.ArrayOf(from index in Gen.Choose(0, Math.Max(0, events.Length - 1)) from shape in Gen.Choose(0, EventSpec.Shapes - 1) select (index, shape))
        from arrived in Gen.Shuffle(
            events.Select(e => e.ToJson(0))
                .Concat(events.Length == 0 ? [] : copies.Select(c => events[c.index].ToJson(c.shape)))
                .ToArray())
        select (events, events.Select(e => e.ToJson(0)).ToArray(), arrived);

    public static (string Line, string? Reason) FirstLine { get; } =
        (new EventSpec("CUSTOMER", "NEW", "c1", "c1", Times[0], 0m, "First").ToJson(0), null);

    /// <summary>A line that is either a valid event (maybe a copy in another shape) or one of the bad lines.</summary>
    public static Gen<(string Line, string? Reason)> AnyLine { get; } = Gen.Frequency(
    [
        (3, from e in Event from shape in Gen.Choose(0, EventSpec.Shapes - 1) select (e.ToJson(shape), (string?)null)),
        (1, Gen.Elements(BadLines.All.ToArray()).Select(b => (b.Line, (string?)b.Reason))),
    ]);
}
