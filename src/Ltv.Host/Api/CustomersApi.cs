using System.Globalization;
using Ltv.Domain.Lifetime;
using Ltv.Host.Api.Contracts;
using Ltv.Host.Composition;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Store.Customers;
using Ltv.Projections.Store.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>One customer's profile and figures, and its stream.</summary>
public static class CustomersApi
{
    /// <summary>The most customers one top-X answer lists.</summary>
    public const int MaxTop = Top.GetTopCustomers.MaxX;

    /// <summary>How many events of the log a read model has not applied yet, on every answer that comes from one.</summary>
    public const string LagHeader = "Ltv-Projection-Lag";

    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
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

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetCustomerAsync(string id, CustomerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await query.ExecuteAsync(id, ct) is { } view ? TypedResults.Ok(CustomerResponse.From(view)) : NoSuchCustomer(id);
    }

    public static async Task<Results<Ok<IReadOnlyList<CustomerEventResponse>>, ProblemHttpResult>> GetEventsAsync(string id, CustomerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await query.ExecuteAsync(id, ct) is not { } view)
        {
            return NoSuchCustomer(id);
        }

        IReadOnlyList<CustomerEventResponse> events = [.. view.Stream.Select(CustomerEventResponse.From)];
        return TypedResults.Ok(events);
    }

    private static ProblemHttpResult NoSuchCustomer(string id) => TypedResults.Problem(
        $"No customer '{id}': no event of that customer was accepted.", statusCode: StatusCodes.Status404NotFound, title: "Customer not found");
}
