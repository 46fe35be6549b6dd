using Ltv.Domain.Clv;

namespace Ltv.Domain.Tests.Clv;

public sealed class HoldoutValidationTests
{
    private static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<HoldoutValidation> Cdnow = new(() =>
        HoldoutValidation.Compare(ClvModel.Fit(CdnowFixture.CalibrationSummary()), CdnowFixture.Purchases, HoldoutEnd));

    [Fact]
    public void the_cdnow_holdout_is_the_39_weeks_after_the_calibration_period()
    {
        Cdnow.Value.HoldoutLength.ShouldBe(39, 1e-12);
        Cdnow.Value.Customers.Count.ShouldBe(2357);
    }

    [Fact]
    public void actual_holdout_orders_are_each_customer_s_distinct_purchase_days_in_the_holdout()
    {
        var independent = CdnowFixture.Purchases
            .Where(f => f.Day > CdnowFixture.CalibrationEnd)
            .Select(f => (f.CustomerId, f.Day))
            .Distinct()
            .Count();

        Cdnow.Value.TotalActualOrders.ShouldBe(independent);
    }

    [Fact]
    public void the_model_predicts_the_holdout_total_within_fifteen_percent_and_each_frequency_group_within_half_an_order()
    {
        // On CDNOW the BG/NBD under-forecasts the holdout (1,653 predicted against 1,882 actual repeat days, mostly among
        // customers with 1 or 2 calibration repeats); a wider miss than this would be a bug.
        var validation = Cdnow.Value;

        validation.TotalPredictedOrders.ShouldBe(validation.TotalActualOrders, 0.15 * validation.TotalActualOrders);
        validation.ByFrequency.Select(g => g.Frequency).ShouldBe(["0", "1", "2", "3", "4", "5", "6", "7+"]);
        validation.ByFrequency.Sum(g => g.Customers).ShouldBe(2357);
        validation.ByFrequency.ShouldAllBe(g => Math.Abs(g.MeanPredictedOrders - g.MeanActualOrders) < 0.5);
        validation.RootMeanSquaredError.ShouldBeGreaterThanOrEqualTo(validation.MeanAbsoluteError);
    }

    [Fact]
    public void the_holdout_errors_are_the_mean_absolute_and_root_mean_squared_prediction_errors()
    {
        // Errors (predicted - actual): 2.5 - 1 = 1.5, 0 - 3 = -3, 2 - 2 = 0.
        // MAE = (1.5 + 3 + 0) / 3 = 1.5; RMSE = sqrt((2.25 + 9 + 0) / 3) = sqrt(3.75).
        var validation = Validation(
            new HoldoutCustomer("a", 1, PredictedOrders: 2.5, ActualOrders: 1),
            new HoldoutCustomer("b", 0, PredictedOrders: 0, ActualOrders: 3),
            new HoldoutCustomer("c", 2, PredictedOrders: 2, ActualOrders: 2));

        validation.Customers.Select(c => c.Error).ShouldBe([1.5, -3, 0]);
        validation.MeanAbsoluteError.ShouldBe(1.5, 1e-12);
        validation.RootMeanSquaredError.ShouldBe(Math.Sqrt(3.75), 1e-12);
        validation.TotalPredictedOrders.ShouldBe(4.5, 1e-12);
        validation.TotalActualOrders.ShouldBe(6);
    }

    [Fact]
    public void a_holdout_without_customers_has_no_error()
    {
        var validation = Validation();

        validation.MeanAbsoluteError.ShouldBe(0);
        validation.RootMeanSquaredError.ShouldBe(0);
    }

    [Fact]
    public void a_holdout_end_not_after_the_calibration_end_is_refused()
    {
        var model = ClvModel.Fit(CdnowFixture.CalibrationSummary());

        Should.Throw<ArgumentOutOfRangeException>(() => HoldoutValidation.Compare(model, CdnowFixture.Purchases, CdnowFixture.CalibrationEnd));
    }

    private static HoldoutValidation Validation(params HoldoutCustomer[] customers) =>
        new(CdnowFixture.CalibrationEnd, HoldoutEnd, HoldoutLength: 39, customers, ByFrequency: []);
}
