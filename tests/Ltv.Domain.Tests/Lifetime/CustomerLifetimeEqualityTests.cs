using Ltv.Domain.Customers;
using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

/// <summary>
/// The order-independence properties compare states with Equals, so they can only catch an order-dependent fold
/// of a member that Equals looks at. These pin every member: two states that differ in one member only are not
/// equal, whichever side is asked.
/// </summary>
public sealed class CustomerLifetimeEqualityTests
{
    // Every member set, and the two profiles different from each other.
    private static readonly CustomerLifetime Full = CustomerLifetime.From(
        Alice,
        [
            Registered("2017-01-02T00:00:00Z", "Smith"),
            DetailsChanged("2017-01-05T00:00:00Z", "Jones"),
            Visit("2017-01-03T00:00:00Z"),
            Image("2017-01-04T00:00:00Z"),
            Placed("o1", "2017-01-06T00:00:00Z", 10m),
        ]);

    public static TheoryData<string> Changes =>
    [
        "customer id",
        "profile",
        "previous profile",
        "no previous profile",
        "visits",
        "images",
        "an order's amount",
        "an order's key",
        "one more order",
        "first event time",
        "last event time",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void states_that_differ_in_one_member_only_are_not_equal(string change)
    {
        CustomerLifetime other = Change(change);

        other.Equals(Full).ShouldBeFalse();
        Full.Equals(other).ShouldBeFalse();
    }

    [Fact]
    public void a_state_equals_a_copy_of_itself_and_never_null()
    {
        CustomerLifetime copy = Full with { Orders = Full.Orders.Remove("o1").Add("o1", Full.Orders["o1"] with { }) };

        copy.Orders.ShouldNotBeSameAs(Full.Orders);
        copy.Equals(Full).ShouldBeTrue();
        Full.Equals(null).ShouldBeFalse();
    }

    private static CustomerLifetime Change(string change)
    {
        OrderState order = Full.Orders["o1"];
        DateTimeOffset first = Full.FirstEventTime!.Value;
        DateTimeOffset last = Full.LastEventTime!.Value;
        return change switch
        {
            "customer id" => Full with { CustomerId = new CustomerId("bob") },
            "profile" => Full with { Profile = Full.Profile! with { City = "Elsewhere" } },
            "previous profile" => Full with { PreviousProfile = Full.PreviousProfile! with { LastName = "Brown" } },
            "no previous profile" => Full with { PreviousProfile = null },
            "visits" => Full with { Visits = Full.Visits + 1 },
            "images" => Full with { Images = Full.Images + 1 },
            "an order's amount" => Full with { Orders = Full.Orders.SetItem("o1", order with { Amount = order.Amount + 1m }) },
            "an order's key" => Full with { Orders = Full.Orders.Remove("o1").Add("o2", order) },
            "one more order" => Full with { Orders = Full.Orders.Add("o2", order) },
            "first event time" => Full with { FirstEventTime = first.AddTicks(-TimeSpan.TicksPerMicrosecond) },
            "last event time" => Full with { LastEventTime = last.AddTicks(TimeSpan.TicksPerMicrosecond) },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
        };
    }
}
