using Ltv.Projections.Clv;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ltv.Host.Clv;

/// <summary>GET /api/clv/...: send the CLV queries, as `ltv clv fit|top|customer|validate` does; the models are fitted to the store's orders on each request.</summary>
public static class ClvEndpoints
{
    /// <summary>The most customers one top-CLV answer lists.</summary>
    private const int MaxTop = 10_000;

    public static RouteGroupBuilder MapClvEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clv").WithTags("CLV");
        group.MapGet("/fit", GetFitAsync).WithName("ClvFit").WithSummary("The fitted BG/NBD and Gamma-Gamma parameters and data sufficiency.");
        group.MapGet("/top", GetTopAsync).WithName("ClvTop").WithSummary("The top X customers by predicted CLV over the horizon.");
        group.MapGet("/customers/{id}", GetCustomerAsync).WithName("ClvCustomer").WithSummary("One customer's purchase summary, P(alive), expected orders, spend and CLV.");
        group.MapGet("/validate", GetValidateAsync).WithName("ClvValidate")
            .WithSummary("Holdout validation: predicted against actual repeat orders after the calibration end, in total, per calibration frequency and per customer.");
        return group;
    }

    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="calibrationEnd">Last day (UTC, YYYY-MM-DD) of the purchases the models learn from; default the latest purchase day.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvFitResponse>> GetFitAsync(IMessageBus bus, CancellationToken ct, string? calibrationEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return TypedResults.Ok(ClvFitResponse.From((await bus.InvokeAsync<ClvAnswer>(ClvRequest.Fit(calibrationEnd, unit), ct)).Model));
    }

    /// <param name="bus">Where the query goes.</param>
    /// <param name="calibrationEnd">Last day (UTC, YYYY-MM-DD, inclusive) of the calibration period; the holdout starts the day after.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="holdoutEnd">Last day (UTC, YYYY-MM-DD, inclusive) of the holdout; default the latest purchase day.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvValidationResponse>> GetValidateAsync(
        IMessageBus bus, string calibrationEnd, CancellationToken ct, string? holdoutEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var query = new ValidateClv(ClvRequest.Fit(calibrationEnd, unit), DayText.ParseOptional(holdoutEnd, nameof(holdoutEnd)));
        var answer = await bus.InvokeAsync<ClvValidationAnswer>(query, ct);
        return TypedResults.Ok(ClvValidationResponse.From(answer.Validation, answer.Unit));
    }

    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="x">How many customers (0 to 10,000; default 10).</param>
    /// <param name="horizonMonths">How many months ahead (default 12).</param>
    /// <param name="discount">Monthly discount rate, 0 to below 1 (default 0.01).</param>
    /// <param name="calibrationEnd">Last day of the purchases the models learn from.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvTopResponse>> GetTopAsync(
        IMessageBus bus, CancellationToken ct, int x = 10, int horizonMonths = 12, double discount = 0.01, string? calibrationEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        if (x is < 0 or > MaxTop)
        {
            throw new UserError($"x must be from 0 to {MaxTop}; it is {x}.");
        }

        var query = new GetClvTop(x, ClvRequest.Horizon(horizonMonths, discount), ClvRequest.Fit(calibrationEnd, unit));
        return TypedResults.Ok(ClvTopResponse.From(await bus.InvokeAsync<ClvPredictions>(query, ct)));
    }

    /// <param name="id">The customer id.</param>
    /// <param name="bus">Where the query goes.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="horizonMonths">How many months ahead (default 12).</param>
    /// <param name="discount">Monthly discount rate, 0 to below 1 (default 0.01).</param>
    /// <param name="calibrationEnd">Last day of the purchases the models learn from.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Results<Ok<ClvCustomerAnswer>, ProblemHttpResult>> GetCustomerAsync(
        string id, IMessageBus bus, CancellationToken ct, int horizonMonths = 12, double discount = 0.01, string? calibrationEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var query = new GetClvCustomer(id, ClvRequest.Horizon(horizonMonths, discount), ClvRequest.Fit(calibrationEnd, unit));
        var answer = await bus.InvokeAsync<ClvPredictions>(query, ct);
        return answer.Customers.Count == 0
            ? TypedResults.Problem(query.NotFound(answer.Model.Summary.CalibrationEnd), statusCode: StatusCodes.Status404NotFound, title: "Customer not found")
            : TypedResults.Ok(ClvCustomerAnswer.From(answer));
    }
}
