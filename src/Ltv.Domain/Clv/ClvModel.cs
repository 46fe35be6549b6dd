namespace Ltv.Domain.Clv;

/// <summary>
/// BG/NBD and Gamma-Gamma fitted to one calibration summary, and what they predict per customer. When the data are
/// insufficient neither model is fitted; when the spend model is unusable (too few spenders, q &lt;= 1) only the
/// purchase model is.
/// </summary>
public sealed record ClvModel(RfmSummary Summary, DataSufficiency Sufficiency, BgNbdFit? BgNbd, GammaGammaFit? GammaGamma)
{
    public static ClvModel Fit(RfmSummary summary)
    {
        var sufficiency = DataSufficiency.Check(summary);
        if (!sufficiency.Sufficient)
        {
            return new ClvModel(summary, sufficiency, null, null);
        }

        var bgNbd = BgNbdFit.To(summary.Customers);
        var spenders = GammaGammaFit.Usable(summary.Customers).Count();
        var gammaGamma = spenders >= DataSufficiency.MinimumRepeaters ? GammaGammaFit.To(summary.Customers) : null;
        return new ClvModel(summary, sufficiency.After(bgNbd, gammaGamma), bgNbd, gammaGamma);
    }

    /// <summary>Whether spend and CLV can be predicted.</summary>
    public bool PredictsSpend => GammaGamma is { Parameters.Q: > 1 };

    public CustomerPrediction Predict(CustomerRfm customer, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(horizon);
        var bgNbd = BgNbd?.Parameters ?? throw new InvalidOperationException("No BG/NBD fit: " + string.Join("; ", Sufficiency.Problems));
        var unit = Summary.Unit;
        var (x, tx, t) = (customer.Frequency, customer.Recency, customer.T);
        double Expected(double months) => BgNbdModel.ConditionalExpectedPurchases(bgNbd, x, tx, t, ClvTimeUnits.FromMonths(months, unit));

        var alive = BgNbdModel.ProbabilityAlive(bgNbd, x, tx, t);
        var orders = Expected(horizon.Months);
        if (!PredictsSpend)
        {
            return new CustomerPrediction(customer, horizon, alive, orders, null, null);
        }

        var spend = GammaGammaModel.ExpectedSpendPerTransaction(GammaGamma!.Parameters, x, (double)customer.MonetaryValue);
        // Month by month: the orders expected in month m, at the expected spend, discounted m months.
        var clv = 0.0;
        var before = 0.0;
        for (var month = 1; month <= horizon.Months; month++)
        {
            var upTo = month == horizon.Months ? orders : Expected(month);
            clv += (upTo - before) * spend / Math.Pow(1 + horizon.DiscountRateMonthly, month);
            before = upTo;
        }

        return new CustomerPrediction(customer, horizon, alive, orders, spend, clv);
    }

    /// <summary>Every customer's prediction, highest CLV (else expected orders) first, ties by customer id.</summary>
    public IReadOnlyList<CustomerPrediction> PredictAll(ClvHorizon horizon) =>
        Summary.Customers
            .Select(c => Predict(c, horizon))
            .OrderByDescending(p => p.Clv ?? p.ExpectedOrders)
            .ThenBy(p => p.Customer.CustomerId, StringComparer.Ordinal)
            .ToList();
}
