using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

public sealed class LtvRankingTests
{
    [Fact]
    public void with_the_dataset_timeframe_everybody_is_averaged_over_the_whole_span_of_the_data()
    {
        // Data spans Sunday 2017-01-01 .. Saturday 2017-01-14: 2 weeks for everybody.
        CustomerLifetime alice = Customer(Alice, Registered("2017-01-01T00:00:00Z", "Smith"), Placed("o1", "2017-01-01T10:00:00Z", 100m), Visit("2017-01-01T09:00:00Z"));
        CustomerLifetime bob = Customer(Bob, Visit("2017-01-14T23:59:59Z", id: Bob), Placed("o2", "2017-01-14T23:59:59Z", 50m, Bob));

        IReadOnlyList<LtvResult> top = LtvRanking.Top([bob, alice], LtvSettings.Default, 10);

        top.ShouldBe(
        [
            new LtvResult(Alice, "Smith", Visits: 1, Orders: 1, Revenue: 100m, Weeks: 2, Ltv: 26000m, HasCustomerEvent: true),
            new LtvResult(Bob, null, Visits: 1, Orders: 1, Revenue: 50m, Weeks: 2, Ltv: 13000m, HasCustomerEvent: false),
        ]);
    }

    [Fact]
    public void with_the_customer_timeframe_each_customer_is_averaged_over_their_own_weeks()
    {
        CustomerLifetime alice = Customer(Alice, Placed("o1", "2017-01-01T10:00:00Z", 100m), Visit("2017-01-08T00:00:00Z"));
        CustomerLifetime bob = Customer(Bob, Placed("o2", "2017-01-14T12:00:00Z", 50m, Bob));

        IReadOnlyList<LtvResult> top = LtvRanking.Top([alice, bob], new LtvSettings(Timeframe.Customer), 10);

        // Bob: 52 x 50 x 10 / 1 = 26000; Alice: 52 x 100 x 10 / 2 = 26000: a tie, broken by id.
        top.Select(r => (r.CustomerId.Value, r.Weeks, r.Ltv)).ShouldBe([("alice", 2, 26000m), ("bob", 1, 26000m)]);
    }

    [Fact]
    public void ties_go_to_the_smaller_customer_id_ordinally()
    {
        CustomerId upper = new("Zed");
        CustomerLifetime[] customers =
        [
            Customer(Carol, Placed("o", "2017-01-02T00:00:00Z", 10m, Carol)),
            Customer(upper, Placed("o", "2017-01-02T00:00:00Z", 10m, upper)),
            Customer(Bob, Placed("o", "2017-01-02T00:00:00Z", 10m, Bob)),
        ];

        LtvRanking.Top(customers, LtvSettings.Default, 3).Select(r => r.CustomerId.Value).ShouldBe(["Zed", "bob", "carol"]);
    }

    [Fact]
    public void ranking_uses_the_exact_ltv_and_rounds_only_in_the_result()
    {
        // One week: Alice 52 x 1.00001 x 10 = 520.0052, Bob 52 x 1.000011 x 10 = 520.00572. Both show
        // 520.01, which would put Alice first by id; Bob's exact value is higher, so Bob comes first.
        CustomerLifetime alice = Customer(Alice, Placed("o", "2017-01-02T00:00:00Z", 1.00001m));
        CustomerLifetime bob = Customer(Bob, Placed("o", "2017-01-03T00:00:00Z", 1.000011m, Bob));

        IReadOnlyList<LtvResult> top = LtvRanking.Top([alice, bob], LtvSettings.Default, 2);

        top.Select(r => (r.CustomerId.Value, r.Revenue, r.Ltv)).ShouldBe([("bob", 1.000011m, 520.01m), ("alice", 1.00001m, 520.01m)]);
    }

    [Fact]
    public void top_x_returns_at_most_x_and_zero_returns_nothing()
    {
        CustomerLifetime[] customers = [Customer(Alice, Visit("2017-01-01T00:00:00Z")), Customer(Bob, Visit("2017-01-01T00:00:00Z", id: Bob))];

        LtvRanking.Top(customers, LtvSettings.Default, 1).Count.ShouldBe(1);
        LtvRanking.Top(customers, LtvSettings.Default, 0).ShouldBeEmpty();
        LtvRanking.Top(customers, LtvSettings.Default, 50).Count.ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => LtvRanking.Top(customers, LtvSettings.Default, -1));
    }

    [Fact]
    public void a_customer_without_orders_is_ranked_with_zero_value()
    {
        LtvResult only = LtvRanking.Top([Customer(Alice, Registered("2017-01-01T00:00:00Z"), Visit("2017-01-02T00:00:00Z"))], LtvSettings.Default, 1).Single();

        only.ShouldBe(new LtvResult(Alice, "Smith", 1, 0, 0m, 1, 0m, HasCustomerEvent: true));
    }

    [Fact]
    public void states_without_events_are_not_customers_and_an_empty_dataset_ranks_nobody()
    {
        LtvRanking.Top([CustomerLifetime.Initial(Alice)], LtvSettings.Default, 10).ShouldBeEmpty();
        LtvRanking.Top([], LtvSettings.Default, 10).ShouldBeEmpty();
    }

    [Fact]
    public void the_ltv_uses_the_lifespan_setting()
    {
        CustomerLifetime alice = Customer(Alice, Placed("o", "2017-01-01T00:00:00Z", 1m));

        LtvRanking.Top([alice], new LtvSettings(Timeframe.Dataset, 3m), 1).Single().Ltv.ShouldBe(156m);
    }

    [Fact]
    public void the_same_customer_twice_is_a_mistake()
    {
        CustomerLifetime alice = Customer(Alice, Visit("2017-01-01T00:00:00Z"));

        Should.Throw<ArgumentException>(() => LtvRanking.Top([alice, alice], LtvSettings.Default, 10));
    }

    private static CustomerLifetime Customer(CustomerId id, params CustomerEvent[] events) => CustomerLifetime.From(id, events);
}
