namespace Ltv.Domain.Lifetime;

/// <summary>A customer's details as one CUSTOMER event gave them.</summary>
public sealed record CustomerProfile(string? LastName, string? City, string? State, DateTimeOffset EventTime, bool IsUpdate)
{
    /// <summary>
    /// Which of two profiles is the later one: latest event_time first, then UPDATE over NEW.
    /// The details themselves break what is left of a tie (possible only when the same identity is
    /// folded twice with different values), so that the order is total and folding is order-free.
    /// </summary>
    public static int CompareRecency(CustomerProfile a, CustomerProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int byTime = a.EventTime.CompareTo(b.EventTime);
        if (byTime != 0)
        {
            return byTime;
        }

        int byVerb = a.IsUpdate.CompareTo(b.IsUpdate);
        if (byVerb != 0)
        {
            return byVerb;
        }

        int byName = string.CompareOrdinal(a.LastName, b.LastName);
        int byCity = string.CompareOrdinal(a.City, b.City);
        return byName != 0 ? byName : byCity != 0 ? byCity : string.CompareOrdinal(a.State, b.State);
    }
}
