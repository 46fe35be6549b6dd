using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>
/// `ltv clv validate --format json` and `GET /api/clv/validate`: predicted against actual repeat orders (purchase days)
/// in the holdout, in total, per calibration frequency and per customer. The holdout's length is in the time unit.
/// </summary>
public sealed record ClvValidationResponse(
    string CalibrationEnd, string HoldoutEnd, string TimeUnit, double? HoldoutLength, double? TotalPredictedOrders, int TotalActualOrders,
    double? MeanAbsoluteError, double? RootMeanSquaredError, IReadOnlyList<HoldoutGroupResponse> ByFrequency, IReadOnlyList<HoldoutCustomerResponse> Customers)
{
    public static ClvValidationResponse From(HoldoutValidation v, ClvTimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            ClvFitResponse.ClvDay(v.CalibrationEnd), ClvFitResponse.ClvDay(v.HoldoutEnd), ClvTimeUnits.Name(unit), FiniteNumbers.Round(v.HoldoutLength, 4),
            FiniteNumbers.Round(v.TotalPredictedOrders, 2), v.TotalActualOrders, FiniteNumbers.Round(v.MeanAbsoluteError, 4),
            FiniteNumbers.Round(v.RootMeanSquaredError, 4),
            [.. v.ByFrequency.Select(g => new HoldoutGroupResponse(
                g.Frequency, g.Customers, FiniteNumbers.Round(g.MeanPredictedOrders, 4), FiniteNumbers.Round(g.MeanActualOrders, 4)))],
            [.. v.Customers.Select(c => new HoldoutCustomerResponse(
                c.CustomerId, c.CalibrationFrequency, FiniteNumbers.Round(c.PredictedOrders, 6), c.ActualOrders, FiniteNumbers.Round(c.Error, 6)))]);
    }
}

/// <summary>Customers with the same calibration frequency ("0".."6", "7+"): their mean predicted and actual holdout orders.</summary>
public sealed record HoldoutGroupResponse(string Frequency, int Customers, double? MeanPredictedOrders, double? MeanActualOrders);

/// <summary>One customer's predicted and actual holdout orders; error = predicted - actual.</summary>
public sealed record HoldoutCustomerResponse(string CustomerId, int CalibrationFrequency, double? PredictedOrders, int ActualOrders, double? Error);
