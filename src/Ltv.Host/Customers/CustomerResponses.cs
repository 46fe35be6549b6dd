using System.Text.Json;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Customers;

namespace Ltv.Host.Customers;

/// <summary>One customer's profile and lifetime figures: GET /api/customers/{id}, and `ltv customer ID --format json` without its events.</summary>
public sealed record CustomerResponse(
    string CustomerId,
    bool HasCustomerEvent,
    ProfileResponse Profile,
    ProfileResponse PreviousProfile,
    int Visits,
    int Images,
    int Orders,
    decimal Revenue,
    DateTimeOffset FirstEventTime,
    DateTimeOffset LastEventTime,
    int Weeks)
{
    public static CustomerResponse From(CustomerView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.CustomerId, v.HasCustomerEvent, new ProfileResponse(v.LastName, v.City, v.State),
            new ProfileResponse(v.PreviousLastName, v.PreviousCity, v.PreviousState), v.Visits, v.Images, v.Orders,
            Numbers.Money(v.Revenue), v.FirstEventTime, v.LastEventTime, v.Weeks);
    }
}

/// <summary>A customer's name and address (null where no CUSTOMER event gave them).</summary>
public sealed record ProfileResponse(string? LastName, string? City, string? State);

/// <summary>One event of a customer's stream, as in the `events` of `ltv customer ID --format json`.</summary>
/// <param name="Version">Its version in the stream (arrival order).</param>
/// <param name="Type">Its stored type name, for example order_placed.v1.</param>
/// <param name="Data">The stored event.</param>
/// <param name="RecordedAt">When it was appended.</param>
public sealed record CustomerEventResponse(int Version, string Type, JsonElement Data, DateTimeOffset RecordedAt)
{
    public static CustomerEventResponse From(StreamEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var data = JsonDocument.Parse(e.Data);
        return new(e.StreamVersion, e.EventType, data.RootElement.Clone(), e.RecordedAt);
    }
}
