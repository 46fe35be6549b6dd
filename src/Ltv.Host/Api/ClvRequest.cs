using Ltv.Domain.Clv;
using Ltv.Projections.Clv;
using Ltv.Host.Api.Contracts;

namespace Ltv.Host.Api;

/// <summary>The CLV query parameters, checked with the same rules and messages as the `ltv clv` options.</summary>
public static class ClvRequest
{
    /// <summary>Fits the models; a user error when there are no orders, or too few to fit.</summary>
    public static async Task<ClvModel> FitAsync(ClvQuery query, string? calibrationEnd, string? unit, CancellationToken ct) =>
        (await FitWithPurchasesAsync(query, calibrationEnd, unit, ct)).Model;

    /// <summary>Fits the models and keeps the purchase facts they came from, for a holdout validation.</summary>
    public static async Task<ClvAnswer> FitWithPurchasesAsync(ClvQuery query, string? calibrationEnd, string? unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var end = DayText.ParseOptional(calibrationEnd, nameof(calibrationEnd));
        var timeUnit = unit is null ? ClvTimeUnit.Week
            : ClvTimeUnits.Parse(unit) ?? throw new UserError($"Unknown unit '{unit}': use week or day.");
        var answer = await query.FitAsync(end, timeUnit, ct);
        if (answer.LastPurchaseDay is null)
        {
            throw new UserError("No orders in the store: ingest some first.");
        }

        return answer.Model.Sufficiency.Sufficient
            ? answer
            : throw new UserError("Too little data to fit the CLV models: " + string.Join("; ", answer.Model.Sufficiency.Problems) + ".");
    }

    /// <summary>
    /// Predicted against actual repeat orders from the day after the calibration end to <paramref name="holdoutEnd"/>
    /// (default the latest purchase day); a user error when that leaves no holdout. The CLI and the API share it.
    /// </summary>
    public static HoldoutValidation Validate(ClvAnswer answer, DateOnly? holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var calibrationEnd = answer.Model.Summary.CalibrationEnd;
        var end = holdoutEnd ?? answer.LastPurchaseDay ?? calibrationEnd;
        return end > calibrationEnd
            ? HoldoutValidation.Compare(answer.Model, answer.Purchases, end)
            : throw new UserError(
                $"Nothing to validate against: the holdout must end after the calibration end {ClvFitResponse.ClvDay(calibrationEnd)}, and it ends {ClvFitResponse.ClvDay(end)}.");
    }

    public static ClvHorizon Horizon(int months, double discount)
    {
        if (months is < 1 or > ClvHorizon.MaximumMonths)
        {
            throw new UserError($"horizonMonths must be from 1 to {ClvHorizon.MaximumMonths}; it is {months}.");
        }

        return discount is >= 0 and < 1
            ? new ClvHorizon(months, discount)
            : throw new UserError("discount must be at least 0 and below 1 (0.01 is 1% a month).");
    }
}
