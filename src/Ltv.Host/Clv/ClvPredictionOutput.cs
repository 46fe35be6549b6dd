using System.Globalization;
using Ltv.Domain.Clv;
using Ltv.Domain.Lifetime;
using Ltv.Host.Cli.Output;
using Ltv.Host.Composition;

namespace Ltv.Host.Clv;

/// <summary>How `clv top` and `clv customer` show predictions as CSV and tables (their JSON is <see cref="ClvCustomerResponse"/>).</summary>
public static class ClvPredictionOutput
{
    public static string[] CsvHeader { get; } =
        ["customerId", "frequency", "recency", "t", "monetaryValue", "probabilityAlive", "expectedOrders", "expectedSpendPerOrder", "clv", "simpleLtv"];

    public static string[] CsvRow(CustomerPrediction p, decimal? simpleLtv) =>
    [
        p.Customer.CustomerId,
        p.Customer.Frequency.ToString(CultureInfo.InvariantCulture),
        ClvCommand.Fixed(p.Customer.Recency, 4),
        ClvCommand.Fixed(p.Customer.T, 4),
        Numbers.MoneyText(p.Customer.MonetaryValue),
        ClvCommand.Fixed(p.ProbabilityAlive, 6),
        ClvCommand.Fixed(p.ExpectedOrders, 6),
        MoneyText(p.ExpectedSpendPerOrder),
        MoneyText(p.Clv),
        simpleLtv is { } v ? Numbers.MoneyText(v) : "",
    ];

    /// <summary>The heading of a table, with every unit spelled out.</summary>
    public static string Heading(string what, ClvModel model, ClvHorizon horizon, LtvSettings simpleLtv) =>
        $"{what}, predicted over the {horizon.Months} months after {ClvCommand.Day(model.Summary.CalibrationEnd)}\n" +
        $"(a month is {ClvTimeUnits.DaysPerMonth.ToString(CultureInfo.InvariantCulture)} days; discount " +
        $"{(horizon.DiscountRateMonthly * 100).ToString("0.###", CultureInfo.InvariantCulture)}% a month; money in USD; " +
        $"time unit {ClvTimeUnits.Name(model.Summary.Unit)}; Simple LTV: timeframe {TimeframeNames.Of(simpleLtv.Timeframe)}, " +
        $"lifespan {simpleLtv.LifespanYears.ToString(CultureInfo.InvariantCulture)} years)";

    public static string MoneyText(double? value) => value is { } v ? Numbers.MoneyText((decimal)v) : "";
}
