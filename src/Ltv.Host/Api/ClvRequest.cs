using System.Globalization;
using Ltv.Domain.Clv;
using Ltv.Projections.Clv;

namespace Ltv.Host.Api;

/// <summary>The CLV query parameters, checked with the same rules and messages as the `ltv clv` options.</summary>
public static class ClvRequest
{
    /// <summary>Fits the models; a user error when there are no orders, or too few to fit.</summary>
    public static async Task<ClvModel> FitAsync(ClvQuery query, string? calibrationEnd, string? unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var end = calibrationEnd is null ? (DateOnly?)null
            : DateOnly.TryParseExact(calibrationEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new UserError($"Invalid calibrationEnd '{calibrationEnd}': write a date as YYYY-MM-DD, for example 1997-09-30.");
        var timeUnit = unit is null ? ClvTimeUnit.Week
            : ClvTimeUnits.Parse(unit) ?? throw new UserError($"Unknown unit '{unit}': use week or day.");
        var answer = await query.FitAsync(end, timeUnit, ct);
        if (answer.LastPurchaseDay is null)
        {
            throw new UserError("No orders in the store: ingest some first.");
        }

        return answer.Model.Sufficiency.Sufficient
            ? answer.Model
            : throw new UserError("Too little data to fit the CLV models: " + string.Join("; ", answer.Model.Sufficiency.Problems) + ".");
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
