using FsCheck;
using FsCheck.Fluent;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

/// <summary>Read models never depend on arrival order (DESIGN.md "Streams and ordering").</summary>
public sealed class CustomerLifetimePermutationTests
{
    // Few keys, times and amounts, so that generated streams are full of ties and repeated orders.
    private static readonly string[] Times = ["2017-01-06T12:00:00Z", "2017-01-06T12:00:00.000001Z", "2017-01-07T00:00:00Z", "2016-12-31T23:59:59Z"];
    private static readonly string[] Keys = ["o1", "o2", "o3"];
    private static readonly decimal[] Amounts = [0m, 1m, 12.34m, 12.340m, 99.99m];
    private static readonly string?[] Names = ["Smith", "Jones", null];

    private static readonly Gen<CustomerEvent> AnyEvent = Gen.OneOf(
        from t in Gen.Elements(Times) from n in Gen.Elements(Names) select (CustomerEvent)Registered(t, n),
        from t in Gen.Elements(Times) from n in Gen.Elements(Names) select (CustomerEvent)DetailsChanged(t, n),
        from t in Gen.Elements(Times) from k in Gen.Elements(Keys) select (CustomerEvent)Visit(t, k),
        from t in Gen.Elements(Times) select (CustomerEvent)Image(t),
        from t in Gen.Elements(Times) from k in Gen.Elements(Keys) from a in Gen.Elements(Amounts) select (CustomerEvent)Placed(k, t, a),
        from t in Gen.Elements(Times) from k in Gen.Elements(Keys) from a in Gen.Elements(Amounts) select (CustomerEvent)Amended(k, t, a));

    private static readonly Gen<(CustomerEvent[] Events, CustomerEvent[] Shuffled)> StreamAndPermutation =
        from events in Gen.ArrayOf(AnyEvent)
        from shuffled in Gen.Shuffle(events)
        select (events, shuffled);

    [Fact]
    public void folding_any_permutation_of_the_same_events_gives_an_equal_state()
    {
        Prop.ForAll(
                StreamAndPermutation.ToArbitrary(),
                pair => CustomerLifetime.From(Alice, pair.Events) == CustomerLifetime.From(Alice, pair.Shuffled))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void revenue_is_the_sum_over_order_keys_of_the_amount_with_the_latest_time_update_winning_ties()
    {
        Prop.ForAll(
                Gen.ArrayOf(AnyEvent).ToArbitrary(),
                events =>
                {
                    // Restated from the rule as a query, independent of how Evolve gets there.
                    decimal expected = events
                        .Select(e => e switch
                        {
                            CustomerEvent.OrderPlaced o => (o.OrderId, o.EventTime, Update: false, o.Amount.Amount),
                            CustomerEvent.OrderAmended o => (o.OrderId, o.EventTime, Update: true, o.Amount.Amount),
                            _ => default,
                        })
                        .Where(o => o.OrderId is not null)
                        .GroupBy(o => o.OrderId)
                        .Sum(g => g.OrderByDescending(o => o.EventTime).ThenByDescending(o => o.Update).ThenByDescending(o => o.Amount).First().Amount);
                    return CustomerLifetime.From(Alice, events).Revenue == expected;
                })
            .QuickCheckThrowOnFailure();
    }
}
