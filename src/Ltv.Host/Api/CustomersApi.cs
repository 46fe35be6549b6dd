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

/// <summary>Top X by Simple LTV, one customer's profile and figures, and its stream.</summary>
public static class CustomersApi
{
    /// <summary>The most customers one top-X answer lists.</summary>
    public const int MaxTop = 10_000;

    /// <summary>How many events of the log a read model has not applied yet, on every answer that comes from one.</summary>
    public const string LagHeader = "Ltv-Projection-Lag";

    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers");
        group.MapGet("/top", GetTopAsync)
            .WithName("TopCustomers")
            .WithSummary("The top X customers by Simple LTV = 52 x a x t (as `ltv top X --format json`).");
        group.MapGet("/{id}", GetCustomerAsync)
            .WithName("Customer")
            .WithSummary("One customer's current and previous profile and lifetime figures.");
        group.MapGet("/{id}/events", GetEventsAsync)
            .WithName("CustomerEvents")
            .WithSummary("One customer's stream: its events in append order.");
        return group;
    }

    /// <param name="response">Carries the ranking's lag header.</param>
    /// <param name="query">The ranking read model.</param>
    /// <param name="options">The server's default timeframe and lifespan.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="x">How many customers (0 to 10,000; default 10).</param>
    /// <param name="timeframe">dataset (the default) or customer.</param>
    /// <param name="lifespan">Average lifespan t in years, more than 0 and at most 1000 (default 10).</param>
    public static async Task<Ok<IReadOnlyList<TopCustomerResponse>>> GetTopAsync(
        HttpResponse response, TopCustomersQuery query, LtvOptions options, CancellationToken ct, int x = 10, string? timeframe = null, decimal? lifespan = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        if (x is < 0 or > MaxTop)
        {
            throw new UserError($"x must be from 0 to {MaxTop.ToString("N0", CultureInfo.InvariantCulture)}; it is {x}.");
        }

        if (lifespan is <= 0 or > LtvSettings.MaxLifespanYears)
        {
            throw new UserError(
                $"lifespan must be more than 0 and at most {LtvSettings.MaxLifespanYears} years; it is {lifespan.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        var settings = new LtvSettings(
            timeframe is null ? options.Ltv.Timeframe : TimeframeNames.Parse(timeframe), lifespan ?? options.Ltv.LifespanYears);
        var answer = await query.ExecuteAsync(x, settings, ct);
        response.Headers[LagHeader] = answer.Lag.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(TopCustomerResponse.From(answer));
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
