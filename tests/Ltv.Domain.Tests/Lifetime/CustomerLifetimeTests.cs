using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

public sealed class CustomerLifetimeTests
{
    [Fact]
    public void a_new_customer_has_nothing_yet()
    {
        CustomerLifetime state = CustomerLifetime.Initial(Alice);

        state.HasCustomerEvent.ShouldBeFalse();
        state.Visits.ShouldBe(0);
        state.OrderCount.ShouldBe(0);
        state.Revenue.ShouldBe(0m);
        state.FirstEventTime.ShouldBeNull();
        state.FirstWeek.ShouldBeNull();
    }

    [Fact]
    public void visits_images_and_orders_are_counted_and_revenue_is_the_sum_of_current_amounts()
    {
        CustomerLifetime state = Fold(
            Registered("2017-01-06T12:46:46Z"),
            Visit("2017-01-06T12:45:52Z", "p1"),
            Visit("2017-01-07T12:45:52Z", "p1"),
            Image("2017-01-06T12:47:12Z"),
            Placed("o1", "2017-01-06T12:55:55Z", 12.34m),
            Placed("o2", "2017-01-08T12:55:55Z", 20m));

        state.Visits.ShouldBe(2);
        state.Images.ShouldBe(1);
        state.OrderCount.ShouldBe(2);
        state.Revenue.ShouldBe(32.34m);
    }

    [Fact]
    public void first_and_last_event_times_cover_every_type_of_event()
    {
        CustomerLifetime state = Fold(Visit("2017-01-10T00:00:00Z"), Image("2016-12-30T00:00:00Z"), Registered("2017-01-05T00:00:00Z"), Placed("o", "2017-02-01T00:00:00Z", 1m));

        state.FirstEventTime.ShouldBe(At("2016-12-30T00:00:00Z"));
        state.LastEventTime.ShouldBe(At("2017-02-01T00:00:00Z"));
        state.FirstWeek.ShouldBe(WeekCalendar.WeekIndex(At("2016-12-30T00:00:00Z")));
        state.LastWeek.ShouldBe(WeekCalendar.WeekIndex(At("2017-02-01T00:00:00Z")));
    }

    [Fact]
    public void an_order_update_that_arrives_before_its_new_still_sets_the_current_amount()
    {
        CustomerLifetime state = Fold(Amended("o1", "2017-02-10T00:00:00Z", 15.67m), Placed("o1", "2017-01-06T00:00:00Z", 12.34m));

        state.OrderCount.ShouldBe(1);
        state.Revenue.ShouldBe(15.67m);
        state.Orders["o1"].ShouldBe(new OrderState(15.67m, At("2017-02-10T00:00:00Z"), IsUpdate: true, FirstEventTime: At("2017-01-06T00:00:00Z")));
    }

    [Fact]
    public void an_order_new_later_than_its_update_sets_the_current_amount()
    {
        Fold(Placed("o1", "2017-03-01T00:00:00Z", 30m), Amended("o1", "2017-02-01T00:00:00Z", 20m)).Revenue.ShouldBe(30m);
    }

    [Fact]
    public void on_an_event_time_tie_the_update_beats_the_new_in_either_arrival_order()
    {
        var placed = Placed("o1", "2017-01-06T12:00:00Z", 10m);
        var amended = Amended("o1", "2017-01-06T12:00:00Z", 7m);

        Fold(placed, amended).Revenue.ShouldBe(7m);
        Fold(amended, placed).Revenue.ShouldBe(7m);
    }

    [Fact]
    public void an_update_without_any_new_counts_as_an_order_with_its_amount()
    {
        CustomerLifetime state = Fold(Amended("o9", "2017-01-06T00:00:00Z", 42.5m));

        state.OrderCount.ShouldBe(1);
        state.Revenue.ShouldBe(42.5m);
    }

    [Fact]
    public void several_updates_leave_the_latest_amount_and_the_earliest_time()
    {
        CustomerLifetime state = Fold(
            Amended("o1", "2017-01-09T00:00:00Z", 3m),
            Amended("o1", "2017-01-20T00:00:00Z", 5m),
            Placed("o1", "2017-01-02T00:00:00Z", 1m),
            Amended("o1", "2017-01-15T00:00:00Z", 4m));

        state.Orders["o1"].Amount.ShouldBe(5m);
        state.Orders["o1"].FirstEventTime.ShouldBe(At("2017-01-02T00:00:00Z"));
    }

    [Fact]
    public void the_profile_is_the_latest_customer_event_and_the_previous_one_is_kept()
    {
        CustomerLifetime state = Fold(
            DetailsChanged("2017-03-01T00:00:00Z", "Jones"),
            Registered("2017-01-06T00:00:00Z", "Smith"),
            DetailsChanged("2017-02-01T00:00:00Z", "Brown"));

        state.HasCustomerEvent.ShouldBeTrue();
        state.Profile.ShouldBe(new CustomerProfile("Jones", "Uptown", "NY", At("2017-03-01T00:00:00Z"), IsUpdate: true));
        state.PreviousProfile!.LastName.ShouldBe("Brown");
    }

    [Fact]
    public void a_single_customer_event_has_no_previous_profile()
    {
        CustomerLifetime state = Fold(Registered("2017-01-06T00:00:00Z", "Smith"));

        state.Profile!.LastName.ShouldBe("Smith");
        state.PreviousProfile.ShouldBeNull();
    }

    [Fact]
    public void on_a_profile_tie_the_update_beats_the_new()
    {
        var registered = Registered("2017-01-06T00:00:00Z", "Smith");
        var changed = DetailsChanged("2017-01-06T00:00:00Z", "Jones");

        Fold(registered, changed).Profile!.LastName.ShouldBe("Jones");
        Fold(changed, registered).Profile!.LastName.ShouldBe("Jones");
        Fold(changed, registered).PreviousProfile!.LastName.ShouldBe("Smith");
    }

    [Theory]
    [InlineData("Berlin", "AK", "Zurich", "AK")]
    [InlineData("Berlin", "AK", "Berlin", "NY")]
    public void profiles_alike_in_time_verb_and_name_but_not_in_address_are_kept_both_whatever_the_arrival_order(
        string city, string state, string otherCity, string otherState)
    {
        // Only one identity folded twice with different details can do this; the details must still decide.
        var one = new CustomerEvent.CustomerRegistered(Alice, At("2017-01-06T00:00:00Z"), "Smith", city, state);
        var other = one with { City = otherCity, State = otherState };

        CustomerLifetime folded = Fold(one, other);

        folded.ShouldBe(Fold(other, one));
        new[] { folded.Profile!.City + folded.Profile.State, folded.PreviousProfile!.City + folded.PreviousProfile.State }
            .ShouldBe([city + state, otherCity + otherState], ignoreOrder: true);
    }

    [Fact]
    public void activity_before_the_customer_event_is_kept_with_an_unknown_name()
    {
        CustomerLifetime state = Fold(Visit("2017-01-06T00:00:00Z"), Placed("o1", "2017-01-06T00:00:00Z", 5m));

        state.HasCustomerEvent.ShouldBeFalse();
        state.Profile.ShouldBeNull();
        state.Revenue.ShouldBe(5m);
    }

    [Fact]
    public void states_folded_in_different_orders_are_equal_although_their_dictionaries_differ()
    {
        var a = Placed("a", "2017-01-06T00:00:00Z", 1m);
        var b = Placed("b", "2017-01-07T00:00:00Z", 2m);

        CustomerLifetime ab = Fold(a, b);
        CustomerLifetime ba = Fold(b, a);

        ab.Orders.ShouldNotBeSameAs(ba.Orders);
        ab.ShouldBe(ba);
        ab.GetHashCode().ShouldBe(ba.GetHashCode());
        ab.ShouldNotBe(Fold(a));
    }

    [Fact]
    public void an_event_of_another_customer_cannot_change_this_one_and_the_refusal_names_both()
    {
        ArgumentException refused = Should.Throw<ArgumentException>(
            () => CustomerLifetime.Evolve(CustomerLifetime.Initial(Alice), Visit("2017-01-06T00:00:00Z", id: new CustomerId("bob"))));

        refused.ParamName.ShouldBe("e");
        refused.Message.ShouldContain("bob");
        refused.Message.ShouldContain("alice");
    }

    private static CustomerLifetime Fold(params CustomerEvent[] events) => CustomerLifetime.From(Alice, events);
}
