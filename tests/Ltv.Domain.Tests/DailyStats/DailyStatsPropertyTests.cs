using FsCheck;
using FsCheck.Fluent;
using Ltv.Domain.Customers;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.DailyStats;

/// <summary>Daily statistics never depend on arrival order, and add up to the lifetime figures.</summary>
public sealed class DailyStatsPropertyTests
{
    // Few customers, keys and times (around midnights), so that orders span days and move between them.
    private static readonly string[] Times =
        ["2017-01-05T23:59:59Z", "2017-01-06T00:00:00Z", "2017-01-06T12:00:00Z", "2017-01-07T00:00:00.000001Z", "2017-01-09T08:00:00Z"];
    private static readonly string[] Keys = ["o1", "o2", "o3"];
    private static readonly decimal[] Amounts = [0m, 1m, 12.34m, 99.99m];
    private static readonly CustomerId[] Ids = [Alice, new("bob"), new("carol")];

    private static readonly Gen<CustomerEvent> AnyEvent = Gen.OneOf(
        from t in Gen.Elements(Times) from c in Gen.Elements(Ids) select (CustomerEvent)Registered(t, id: c),
        from t in Gen.Elements(Times) from c in Gen.Elements(Ids) from k in Gen.Elements(Keys) select (CustomerEvent)Visit(t, k, c),
        from t in Gen.Elements(Times) from c in Gen.Elements(Ids) select (CustomerEvent)Image(t, id: c),
        from t in Gen.Elements(Times) from c in Gen.Elements(Ids) from k in Gen.Elements(Keys) from a in Gen.Elements(Amounts)
        select (CustomerEvent)Placed(k, t, a, c),
        from t in Gen.Elements(Times) from c in Gen.Elements(Ids) from k in Gen.Elements(Keys) from a in Gen.Elements(Amounts)
        select (CustomerEvent)Amended(k, t, a, c));

    // Distinct identities only, as the store keeps them.
    private static readonly Gen<CustomerEvent[]> Events =
        Gen.ArrayOf(AnyEvent).Select(events => events.DistinctBy(e => (e.CustomerId, e.Identity.DedupeKey)).ToArray());

    [Fact]
    public void any_arrival_order_of_the_same_events_gives_the_same_rows()
    {
        Prop.ForAll(
                (from events in Events from shuffled in Gen.Shuffle(events) select (events, shuffled)).ToArbitrary(),
                pair => DailyStatsReference.From(pair.events).Rows.SequenceEqual(DailyStatsReference.From(pair.shuffled).Rows))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void a_customer_days_add_up_to_its_lifetime_visits_images_orders_and_revenue()
    {
        Prop.ForAll(
                Events.ToArbitrary(),
                events =>
                {
                    var rows = DailyStatsReference.From(events).Rows;
                    return events.GroupBy(e => e.CustomerId).All(g =>
                    {
                        var lifetime = CustomerLifetime.From(g.Key, g);
                        var days = rows.Where(r => r.CustomerId == g.Key.Value).ToList();
                        return days.Sum(d => d.Visits) == lifetime.Visits
                            && days.Sum(d => d.Images) == lifetime.Images
                            && days.Sum(d => d.Orders) == lifetime.OrderCount
                            && days.Sum(d => d.Revenue) == lifetime.Revenue
                            && days.Count == g.Select(e => UtcDays.Of(e.EventTime)).Distinct().Count();
                    });
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void every_customer_is_new_exactly_once_and_repeaters_are_the_buyers_with_two_orders_or_more()
    {
        Prop.ForAll(
                Events.ToArbitrary(),
                events =>
                {
                    var stats = DailyStatsReference.From(events);
                    var days = stats.Days;
                    var newOnce = days.Count == 0 || stats.Range(days[0], days[^1]).Totals.NewCustomers == events.Select(e => e.CustomerId).Distinct().Count();
                    var lifetimes = events.GroupBy(e => e.CustomerId).Select(g => CustomerLifetime.From(g.Key, g)).ToList();
                    var repeaters = stats.Repeaters(DayWindow.All);
                    return newOnce
                        && repeaters.Buyers == lifetimes.Count(l => l.OrderCount >= 1)
                        && repeaters.Repeaters == lifetimes.Count(l => l.OrderCount >= 2);
                })
            .QuickCheckThrowOnFailure();
    }
}
