namespace Ltv.Domain.Lifetime;

/// <summary>
/// One order of a customer: its current amount (from the event with the latest event_time, an UPDATE
/// winning a tie), when and how that amount was set, and the time of the order's earliest event
/// (the day an order counts on in daily statistics).
/// </summary>
public sealed record OrderState(decimal Amount, DateTimeOffset EventTime, bool IsUpdate, DateTimeOffset FirstEventTime)
{
    /// <summary>
    /// Combines two views of one order. Commutative and associative, so the arrival order of an
    /// order's events never matters. Equal time and verb with different amounts happens only when
    /// one identity is folded twice; the larger amount wins then, just to keep the result order-free.
    /// </summary>
    public static OrderState Merge(OrderState a, OrderState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OrderState current = IsLater(b, a) ? b : a;
        DateTimeOffset first = a.FirstEventTime <= b.FirstEventTime ? a.FirstEventTime : b.FirstEventTime;
        return current with { FirstEventTime = first };
    }

    private static bool IsLater(OrderState x, OrderState y)
    {
        int byTime = x.EventTime.CompareTo(y.EventTime);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        return x.IsUpdate != y.IsUpdate ? x.IsUpdate : x.Amount > y.Amount;
    }
}
