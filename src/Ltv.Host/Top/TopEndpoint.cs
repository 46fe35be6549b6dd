using System.Globalization;
using Ltv.Host.Api;
using Ltv.Host.Composition;
using Ltv.Projections.Store.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Top;

/// <summary>GET /api/customers/top: sends <see cref="GetTopCustomers"/>, as <c>ltv top</c> does.</summary>
public static class TopEndpoint
{
    /// <summary>The most customers one answer over HTTP lists (the CLI, writing to a file, has no limit).</summary>
    public const int MaxX = 10_000;

    public static RouteHandlerBuilder MapTopEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/customers/top", GetAsync)
            .WithTags("Customers")
            .WithName("TopCustomers")
            .WithSummary("The top X customers by Simple LTV = 52 x a x t (as `ltv top X --format json`).");

    /// <param name="response">Carries the ranking's lag header.</param>
    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="x">How many customers (0 to 10,000; default 10).</param>
    /// <param name="timeframe">dataset (the default) or customer.</param>
    /// <param name="lifespan">Average lifespan t in years, more than 0 and at most 1000 (default 10).</param>
    public static async Task<Ok<IReadOnlyList<TopCustomerResponse>>> GetAsync(
        HttpResponse response, IMessageBus bus, CancellationToken ct, int x = 10, string? timeframe = null, decimal? lifespan = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bus);
        if (x is < 0 or > MaxX)
        {
            throw new UserError($"x must be from 0 to {MaxX.ToString("N0", CultureInfo.InvariantCulture)}; it is {x}.");
        }

        var query = new GetTopCustomers(x, timeframe is null ? null : TimeframeNames.Parse(timeframe), lifespan);
        var answer = await bus.InvokeAsync<TopCustomersAnswer>(query, ct);
        response.Headers[ApiHeaders.ProjectionLag] = answer.Lag.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(TopCustomerResponse.From(answer));
    }
}
