using System.Globalization;

namespace Ltv.Domain.Clv;

/// <summary>One customer's predicted and actual repeat transactions in the holdout period.</summary>
public sealed record HoldoutCustomer(string CustomerId, int CalibrationFrequency, double PredictedOrders, int ActualOrders)
{
    /// <summary>Predicted minus actual: positive when the model expected more.</summary>
    public double Error => PredictedOrders - ActualOrders;
}

/// <summary>Customers grouped by calibration frequency ("0".."6", "7+"), with mean predicted and actual holdout orders.</summary>
public sealed record HoldoutGroup(string Frequency, int Customers, double MeanPredictedOrders, double MeanActualOrders);

/// <summary>
/// Holdout validation: the BG/NBD fitted on the calibration period predicts each customer's repeat transactions in
/// (calibration end, holdout end]; the actual ones are counted from the same purchase facts.
/// </summary>
public sealed record HoldoutValidation(
    DateOnly CalibrationEnd,
    DateOnly HoldoutEnd,
    double HoldoutLength,
    IReadOnlyList<HoldoutCustomer> Customers,
    IReadOnlyList<HoldoutGroup> ByFrequency)
{
    private const int OpenGroup = 7;

    public double TotalPredictedOrders => Customers.Sum(c => c.PredictedOrders);

    public int TotalActualOrders => Customers.Sum(c => c.ActualOrders);

    public double MeanAbsoluteError => Customers.Count == 0 ? 0 : Customers.Average(c => Math.Abs(c.Error));

    public double RootMeanSquaredError => Customers.Count == 0 ? 0 : Math.Sqrt(Customers.Average(c => c.Error * c.Error));

    public static HoldoutValidation Compare(ClvModel model, IEnumerable<PurchaseFact> facts, DateOnly holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(model);
        var summary = model.Summary;
        if (holdoutEnd <= summary.CalibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), holdoutEnd, "The holdout period ends after the calibration end.");
        }

        var parameters = model.BgNbd?.Parameters ?? throw new InvalidOperationException("No BG/NBD fit: " + string.Join("; ", model.Sufficiency.Problems));
        var length = ClvTimeUnits.FromDays(holdoutEnd.DayNumber - summary.CalibrationEnd.DayNumber, summary.Unit);
        var actual = PurchaseDays.CountBetween(facts, summary.CalibrationEnd, holdoutEnd);
        var customers = summary.Customers
            .Select(c => new HoldoutCustomer(
                c.CustomerId,
                c.Frequency,
                BgNbdModel.ConditionalExpectedPurchases(parameters, c.Frequency, c.Recency, c.T, length),
                actual.GetValueOrDefault(c.CustomerId)))
            .ToList();
        var groups = customers
            .GroupBy(c => Math.Min(c.CalibrationFrequency, OpenGroup))
            .OrderBy(g => g.Key)
            .Select(g => new HoldoutGroup(
                g.Key == OpenGroup ? $"{OpenGroup}+" : g.Key.ToString(CultureInfo.InvariantCulture),
                g.Count(),
                g.Average(c => c.PredictedOrders),
                g.Average(c => (double)c.ActualOrders)))
            .ToList();
        return new HoldoutValidation(summary.CalibrationEnd, holdoutEnd, length, customers, groups);
    }
}
