using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Customers;

/// <summary>GET /api/customers/{id} and /api/customers/{id}/events: send <see cref="GetCustomer"/>, as <c>ltv customer</c> does.</summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers");
        group.MapGet("/{id}", GetCustomerAsync)
            .WithName("Customer")
            .WithSummary("One customer's current and previous profile and lifetime figures.");
        group.MapGet("/{id}/events", GetEventsAsync)
            .WithName("CustomerEvents")
            .WithSummary("One customer's stream: its events in append order.");
        return group;
    }

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetCustomerAsync(string id, IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var query = new GetCustomer(id);
        return (await bus.InvokeAsync<CustomerAnswer>(query, ct)).Customer is { } view ? TypedResults.Ok(CustomerResponse.From(view)) : NotFound(query);
    }

    public static async Task<Results<Ok<IReadOnlyList<CustomerEventResponse>>, ProblemHttpResult>> GetEventsAsync(string id, IMessageBus bus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var query = new GetCustomer(id);
        if ((await bus.InvokeAsync<CustomerAnswer>(query, ct)).Customer is not { } view)
        {
            return NotFound(query);
        }

        IReadOnlyList<CustomerEventResponse> events = [.. view.Stream.Select(CustomerEventResponse.From)];
        return TypedResults.Ok(events);
    }

    private static ProblemHttpResult NotFound(GetCustomer query) =>
        TypedResults.Problem(query.NotFound, statusCode: StatusCodes.Status404NotFound, title: "Customer not found");
}
