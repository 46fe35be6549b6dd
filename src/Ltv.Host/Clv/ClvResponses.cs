using Ltv.Domain.Clv;
using Ltv.Domain.Lifetime;
using Ltv.Host.Cli.Output;
using Ltv.Host.Composition;

namespace Ltv.Host.Clv;

/// <summary>`ltv clv fit --format json` and GET /api/clv/fit: the fitted parameters, log-likelihoods and data sufficiency.</summary>
public sealed record ClvFitResponse(
    int Customers, int Repeaters, string CalibrationEnd, string TimeUnit, string Currency, BgNbdResponse Bgnbd, GammaGammaResponse? GammaGamma,
    SufficiencyResponse Sufficiency)
{
    public static ClvFitResponse From(ClvModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var bg = m.BgNbd!;
        var gg = m.GammaGamma;
        return new(
            m.Summary.Customers.Count, m.Summary.Repeaters, ClvDay(m.Summary.CalibrationEnd), ClvTimeUnits.Name(m.Summary.Unit), "USD",
            new BgNbdResponse(
                Round(bg.Parameters.R, 6), Round(bg.Parameters.Alpha, 6), Round(bg.Parameters.A, 6), Round(bg.Parameters.B, 6),
                Round(bg.LogLikelihood, 4), bg.Converged),
            gg is null ? null : new GammaGammaResponse(
                Round(gg.Parameters.P, 6), Round(gg.Parameters.Q, 6), Round(gg.Parameters.Gamma, 6), Round(gg.LogLikelihood, 4),
                gg.Customers, Round(gg.Parameters.PopulationMeanSpend, 2), gg.Converged),
            new SufficiencyResponse(m.Sufficiency.Sufficient, m.Sufficiency.Warnings));
    }

    internal static string ClvDay(DateOnly day) => StatsOutputParts.Date(day);

    private static double? Round(double value, int decimals) => FiniteNumbers.Round(value, decimals);
}

/// <summary>BG/NBD: purchase rate ~ Gamma(r, alpha), dropout after a purchase ~ Beta(a, b); null for a value that is not finite.</summary>
public sealed record BgNbdResponse(double? R, double? Alpha, double? A, double? B, double? LogLikelihood, bool Converged);

/// <summary>Gamma-Gamma: spend per order, fitted on the repeat customers.</summary>
public sealed record GammaGammaResponse(double? P, double? Q, double? Gamma, double? LogLikelihood, int Customers, double? MeanSpendPerOrder, bool Converged);

/// <summary>Whether the data were enough, and what to be wary of.</summary>
public sealed record SufficiencyResponse(bool Sufficient, IReadOnlyList<string> Warnings);

/// <summary>The settings every prediction carries, so that its numbers can be read on their own.</summary>
public sealed record ClvContextResponse(
    string CalibrationEnd, string TimeUnit, int HorizonMonths, double DaysPerMonth, double DiscountRateMonthly, string Currency,
    string SimpleLtvTimeframe, decimal SimpleLtvLifespanYears)
{
    public static ClvContextResponse From(ClvModel model, ClvHorizon horizon, LtvSettings simpleLtv)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(horizon);
        ArgumentNullException.ThrowIfNull(simpleLtv);
        return new(
            ClvFitResponse.ClvDay(model.Summary.CalibrationEnd), ClvTimeUnits.Name(model.Summary.Unit), horizon.Months, ClvTimeUnits.DaysPerMonth,
            horizon.DiscountRateMonthly, "USD", TimeframeNames.Of(simpleLtv.Timeframe), simpleLtv.LifespanYears);
    }
}

/// <summary>One customer's purchase summary and predictions, with Simple LTV beside them (null for a prediction that is not finite).</summary>
public sealed record ClvCustomerResponse(
    string CustomerId, int Frequency, double Recency, double T, decimal MonetaryValue, double? ProbabilityAlive, double? ExpectedOrders,
    decimal? ExpectedSpendPerOrder, decimal? Clv, decimal? SimpleLtv)
{
    public static ClvCustomerResponse From(CustomerPrediction p, decimal? simpleLtv)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Customer.CustomerId, p.Customer.Frequency, Math.Round(p.Customer.Recency, 4), Math.Round(p.Customer.T, 4), Numbers.Money(p.Customer.MonetaryValue),
            FiniteNumbers.Round(p.ProbabilityAlive, 6), FiniteNumbers.Round(p.ExpectedOrders, 6), FiniteNumbers.Money(p.ExpectedSpendPerOrder),
            FiniteNumbers.Money(p.Clv), simpleLtv);
    }
}

/// <summary>`ltv clv top X --format json` and GET /api/clv/top.</summary>
public sealed record ClvTopResponse(ClvContextResponse Context, IReadOnlyList<ClvCustomerResponse> Customers)
{
    public static ClvTopResponse From(ClvPredictions answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(
            ClvContextResponse.From(answer.Model, answer.Horizon, answer.SimpleLtv),
            [.. answer.Customers.Select(p => ClvCustomerResponse.From(p, answer.SimpleLtvOf(p)))]);
    }
}

/// <summary>`ltv clv customer ID --format json` and GET /api/clv/customers/{id}.</summary>
public sealed record ClvCustomerAnswer(ClvContextResponse Context, ClvCustomerResponse Customer)
{
    /// <summary>The one customer of <paramref name="answer"/>, which must hold one.</summary>
    public static ClvCustomerAnswer From(ClvPredictions answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var prediction = answer.Customers.Single();
        return new(ClvContextResponse.From(answer.Model, answer.Horizon, answer.SimpleLtv), ClvCustomerResponse.From(prediction, answer.SimpleLtvOf(prediction)));
    }
}
