using System.Text.Json.Serialization;
using Ltv.Domain.Lifetime;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// One customer's line in LtvRanking, the async ranked view: the customer's whole <see cref="CustomerLifetime"/>
/// (the fold needs every order's current amount and both profiles) and the two keys the ranking is ordered by.
/// Simple LTV = 52 x revenue x t / weeks, and t is one number for everyone, so the order only depends on revenue
/// (dataset timeframe: weeks is the same for all) or on revenue / the customer's own weeks (customer timeframe).
/// Marten keeps both keys, and the event times, in columns of their own with an index each (see
/// <see cref="RankingIndexes"/>), so top X is an index scan whatever the timeframe.
/// Two copies of the ranking live side by side (blue/green, <see cref="Copies.ReadModelCopy"/>): Marten keeps one table per
/// document type, so each copy has a type of its own, <see cref="Blue"/> and <see cref="Green"/>.
/// </summary>
public abstract record RankedCustomer
{
    private protected RankedCustomer(CustomerLifetime lifetime)
    {
        Lifetime = lifetime;
    }

    public CustomerLifetime Lifetime { get; }

    public string Id => Lifetime.Id;

    public decimal Revenue => Lifetime.Revenue;

    /// <summary>Revenue per week of the customer's own span: the customer timeframe's order.</summary>
    public decimal WeeklyValue => SimpleLtv.AveragePerWeek(Revenue, WeekCalendar.WeeksBetween(FirstEventTime, LastEventTime));

    // The dataset timeframe spans the earliest to the latest event of everyone: min and max of these two columns.
    public DateTimeOffset FirstEventTime => Lifetime.FirstEventTime!.Value;

    public DateTimeOffset LastEventTime => Lifetime.LastEventTime!.Value;

    /// <summary>A customer enters the ranking with its first event: a state without events ranks nobody.</summary>
    private protected static CustomerLifetime Ranked(CustomerLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        return lifetime.FirstEventTime is null || lifetime.LastEventTime is null
            ? throw new ArgumentException($"Customer {lifetime.Id} has no events to rank by.", nameof(lifetime))
            : lifetime;
    }

    // Constructors not public: Marten takes a public constructor with one argument for a conventional Create method,
    // and the projection's explicit Evolve may not be mixed with conventions.

    /// <summary>A line of the blue copy (the table <c>mt_doc_ltv_ranking</c>).</summary>
    public sealed record Blue : RankedCustomer
    {
        [JsonConstructor]
        private Blue(CustomerLifetime lifetime)
            : base(lifetime)
        {
        }

        public static Blue Of(CustomerLifetime lifetime) => new(Ranked(lifetime));
    }

    /// <summary>A line of the green copy (the table <c>mt_doc_ltv_ranking_green</c>).</summary>
    public sealed record Green : RankedCustomer
    {
        [JsonConstructor]
        private Green(CustomerLifetime lifetime)
            : base(lifetime)
        {
        }

        public static Green Of(CustomerLifetime lifetime) => new(Ranked(lifetime));
    }
}
