using Ltv.Projections.Store.Customers;

namespace Ltv.Projections.Lifetime;

/// <summary>One customer as the CustomerLifetime read model knows it, with its stream.</summary>
public sealed record CustomerView(
    string CustomerId,
    bool HasCustomerEvent,
    string? LastName,
    string? City,
    string? State,
    string? PreviousLastName,
    string? PreviousCity,
    string? PreviousState,
    int Visits,
    int Images,
    int Orders,
    decimal Revenue,
    DateTimeOffset FirstEventTime,
    DateTimeOffset LastEventTime,
    int FirstWeek,
    int LastWeek,
    IReadOnlyList<StreamEvent> Stream)
{
    /// <summary>Weeks from the customer's first to last event, inclusive (the customer timeframe).</summary>
    public int Weeks => LastWeek - FirstWeek + 1;
}
