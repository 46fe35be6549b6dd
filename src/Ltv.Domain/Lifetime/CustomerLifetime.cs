using System.Collections.Immutable;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Domain.Lifetime;

/// <summary>
/// Everything one customer's figures need, folded from that customer's stream (DESIGN.md "The LTV rule"
/// and "Read models"). Every rule here uses event_time, never arrival order, so folding the same events
/// in any order gives an equal state. Rebuild with <c>events.Aggregate(Initial(id), Evolve)</c>.
/// </summary>
public sealed record CustomerLifetime(
    CustomerId CustomerId,
    CustomerProfile? Profile,
    CustomerProfile? PreviousProfile,
    int Visits,
    int Images,
    ImmutableDictionary<string, OrderState> Orders,
    DateTimeOffset? FirstEventTime,
    DateTimeOffset? LastEventTime)
{
    /// <summary>The stream key, under which the store keeps this state as a document.</summary>
    public string Id => CustomerId.Value;

    public int OrderCount => Orders.Count;

    /// <summary>The sum of every order's current amount.</summary>
    public decimal Revenue => Orders.Values.Sum(o => o.Amount);

    /// <summary>False while only activity has arrived: the customer's name is unknown so far.</summary>
    public bool HasCustomerEvent => Profile is not null;

    public long? FirstWeek => FirstEventTime is { } first ? WeekCalendar.WeekIndex(first) : null;

    public long? LastWeek => LastEventTime is { } last ? WeekCalendar.WeekIndex(last) : null;

    /// <summary>A customer with no events yet. Such a state is only a seed: nothing reports it.</summary>
    public static CustomerLifetime Initial(CustomerId customerId) =>
        new(customerId, null, null, 0, 0, ImmutableDictionary<string, OrderState>.Empty.WithComparers(StringComparer.Ordinal), null, null);

    public static CustomerLifetime From(CustomerId customerId, IEnumerable<CustomerEvent> events) =>
        events.Aggregate(Initial(customerId), Evolve);

    public static CustomerLifetime Evolve(CustomerLifetime state, CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        if (e.CustomerId != state.CustomerId)
        {
            throw new ArgumentException($"An event of customer {e.CustomerId} cannot change customer {state.CustomerId}.", nameof(e));
        }

        CustomerLifetime seen = state.Seen(e.EventTime);
        return e switch
        {
            CustomerRegistered c => seen.WithProfile(new CustomerProfile(c.LastName, c.City, c.State, c.EventTime, IsUpdate: false)),
            CustomerDetailsChanged c => seen.WithProfile(new CustomerProfile(c.LastName, c.City, c.State, c.EventTime, IsUpdate: true)),
            SiteVisited => seen with { Visits = seen.Visits + 1 },
            ImageUploaded => seen with { Images = seen.Images + 1 },
            OrderPlaced o => seen.WithOrder(o.OrderId, new OrderState(o.Amount.Amount, o.EventTime, IsUpdate: false, o.EventTime)),
            OrderAmended o => seen.WithOrder(o.OrderId, new OrderState(o.Amount.Amount, o.EventTime, IsUpdate: true, o.EventTime)),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown event."),
        };
    }

    // Records compare collections by reference; two states folded in different orders hold different
    // dictionary instances with the same content, and must be equal. Keep this in step with the members.
    public bool Equals(CustomerLifetime? other) =>
        other is not null
        && CustomerId == other.CustomerId
        && Profile == other.Profile
        && PreviousProfile == other.PreviousProfile
        && Visits == other.Visits
        && Images == other.Images
        && FirstEventTime == other.FirstEventTime
        && LastEventTime == other.LastEventTime
        && Orders.Count == other.Orders.Count
        && Orders.All(o => other.Orders.TryGetValue(o.Key, out OrderState? theirs) && o.Value == theirs);

    public override int GetHashCode() =>
        HashCode.Combine(CustomerId, Profile, PreviousProfile, Visits, Images, Orders.Count, FirstEventTime, LastEventTime);

    private CustomerLifetime Seen(DateTimeOffset time) => this with
    {
        FirstEventTime = FirstEventTime is { } first && first <= time ? first : time,
        LastEventTime = LastEventTime is { } last && last >= time ? last : time,
    };

    // Type-3 history keeps the two latest profiles by recency; which arrived first does not matter.
    private CustomerLifetime WithProfile(CustomerProfile profile)
    {
        if (Profile is null || CustomerProfile.CompareRecency(profile, Profile) > 0)
        {
            return this with { Profile = profile, PreviousProfile = Profile };
        }

        if (PreviousProfile is null || CustomerProfile.CompareRecency(profile, PreviousProfile) > 0)
        {
            return this with { PreviousProfile = profile };
        }

        return this;
    }

    private CustomerLifetime WithOrder(string orderId, OrderState order) => this with
    {
        Orders = Orders.SetItem(orderId, Orders.TryGetValue(orderId, out OrderState? known) ? OrderState.Merge(known, order) : order),
    };
}
