using Ltv.Domain.Clv;
using Ltv.Host.Api.Contracts;
using Ltv.Host.Composition;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ltv.Host.Api;

/// <summary>Predictive CLV (`ltv clv fit|top|customer|validate`): BG/NBD and Gamma-Gamma fitted to the orders in the store on each request.</summary>
public static class ClvApi
{
    /// <summary>The most customers one top-CLV answer lists.</summary>
    private const int MaxTop = 10_000;

    public static RouteGroupBuilder MapClvApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clv").WithTags("CLV");
        group.MapGet("/fit", GetFitAsync).WithName("ClvFit").WithSummary("The fitted BG/NBD and Gamma-Gamma parameters and data sufficiency.");
        group.MapGet("/top", GetTopAsync).WithName("ClvTop").WithSummary("The top X customers by predicted CLV over the horizon.");
        group.MapGet("/customers/{id}", GetCustomerAsync).WithName("ClvCustomer").WithSummary("One customer's purchase summary, P(alive), expected orders, spend and CLV.");
        group.MapGet("/validate", GetValidateAsync).WithName("ClvValidate")
            .WithSummary("Holdout validation: predicted against actual repeat orders after the calibration end, in total, per calibration frequency and per customer.");
        return group;
    }

    /// <param name="query">Fits the models.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="calibrationEnd">Last day (UTC, YYYY-MM-DD) of the purchases the models learn from; default the latest purchase day.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvFitResponse>> GetFitAsync(ClvQuery query, CancellationToken ct, string? calibrationEnd = null, string? unit = null) =>
        TypedResults.Ok(ClvFitResponse.From(await ClvRequest.FitAsync(query, calibrationEnd, unit, ct)));

    /// <param name="query">Fits the models.</param>
    /// <param name="calibrationEnd">Last day (UTC, YYYY-MM-DD, inclusive) of the calibration period; the holdout starts the day after.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="holdoutEnd">Last day (UTC, YYYY-MM-DD, inclusive) of the holdout; default the latest purchase day.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvValidationResponse>> GetValidateAsync(
        ClvQuery query, string calibrationEnd, CancellationToken ct, string? holdoutEnd = null, string? unit = null)
    {
        var end = DayText.ParseOptional(holdoutEnd, nameof(holdoutEnd));
        var answer = await ClvRequest.FitWithPurchasesAsync(query, calibrationEnd, unit, ct);
        return TypedResults.Ok(ClvValidationResponse.From(ClvRequest.Validate(answer, end), answer.Model.Summary.Unit));
    }

    /// <param name="query">Fits the models.</param>
    /// <param name="simple">Simple LTV of the customers listed.</param>
    /// <param name="options">The server's Simple LTV settings.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="x">How many customers (0 to 10,000; default 10).</param>
    /// <param name="horizonMonths">How many months ahead (default 12).</param>
    /// <param name="discount">Monthly discount rate, 0 to below 1 (default 0.01).</param>
    /// <param name="calibrationEnd">Last day of the purchases the models learn from.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Ok<ClvTopResponse>> GetTopAsync(
        ClvQuery query, SimpleLtvQuery simple, LtvOptions options, CancellationToken ct,
        int x = 10, int horizonMonths = 12, double discount = 0.01, string? calibrationEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(simple);
        ArgumentNullException.ThrowIfNull(options);
        if (x is < 0 or > MaxTop)
        {
            throw new UserError($"x must be from 0 to {MaxTop}; it is {x}.");
        }

        var horizon = ClvRequest.Horizon(horizonMonths, discount);
        var model = await ClvRequest.FitAsync(query, calibrationEnd, unit, ct);
        if (!model.PredictsSpend)
        {
            throw new UserError("No usable spend model (too few repeat customers with spend, or q <= 1), so no CLV to rank by: see GET /api/clv/fit.");
        }

        var top = model.PredictAll(horizon).Take(x).ToList();
        var ltv = await simple.ExecuteAsync([.. top.Select(p => p.Customer.CustomerId)], options.Ltv, ct);
        return TypedResults.Ok(new ClvTopResponse(
            ClvContextResponse.From(model, horizon, options.Ltv),
            [.. top.Select(p => ClvCustomerResponse.From(p, ltv.TryGetValue(p.Customer.CustomerId, out var v) ? v : null))]));
    }

    /// <param name="id">The customer id.</param>
    /// <param name="query">Fits the models.</param>
    /// <param name="simple">Simple LTV of the customer.</param>
    /// <param name="options">The server's Simple LTV settings.</param>
    /// <param name="ct">The request's cancellation.</param>
    /// <param name="horizonMonths">How many months ahead (default 12).</param>
    /// <param name="discount">Monthly discount rate, 0 to below 1 (default 0.01).</param>
    /// <param name="calibrationEnd">Last day of the purchases the models learn from.</param>
    /// <param name="unit">week (the default) or day.</param>
    public static async Task<Results<Ok<ClvCustomerAnswer>, ProblemHttpResult>> GetCustomerAsync(
        string id, ClvQuery query, SimpleLtvQuery simple, LtvOptions options, CancellationToken ct,
        int horizonMonths = 12, double discount = 0.01, string? calibrationEnd = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(simple);
        ArgumentNullException.ThrowIfNull(options);
        var horizon = ClvRequest.Horizon(horizonMonths, discount);
        var model = await ClvRequest.FitAsync(query, calibrationEnd, unit, ct);
        if (model.Summary.Customers.FirstOrDefault(c => c.CustomerId == id) is not { } customer)
        {
            return TypedResults.Problem(
                $"Customer '{id}' has no order on or before {ClvFitResponse.ClvDay(model.Summary.CalibrationEnd)}: the models predict nothing for them.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Customer not found");
        }

        var ltv = (await simple.ExecuteAsync([id], options.Ltv, ct)).GetValueOrDefault(id);
        return TypedResults.Ok(new ClvCustomerAnswer(ClvContextResponse.From(model, horizon, options.Ltv), ClvCustomerResponse.From(model.Predict(customer, horizon), ltv)));
    }
}
