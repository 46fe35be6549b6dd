using System.Text.Json.Serialization;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Stats;

// The statistics answers as JSON: `ltv stats ... --format json` and GET /api/stats/... write the same records.
// Their factories are named Of, since two of the records have a property named From.

/// <summary>The totals of a day or a period.</summary>
public sealed record StatsTotalsResponse(long Customers, long NewCustomers, long Visits, long Images, long Orders, decimal Revenue)
{
    public static StatsTotalsResponse Of(StatsTotals t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Customers, t.NewCustomers, t.Visits, t.Images, t.Orders, Numbers.Money(t.Revenue));
    }
}

/// <summary>One customer's figures over a day or a period.</summary>
public sealed record StatsCustomerResponse(string CustomerId, long Visits, long Images, long Orders, decimal Revenue)
{
    public static IReadOnlyList<StatsCustomerResponse> Of(IEnumerable<CustomerFigures> customers) =>
        [.. customers.Select(c => new StatsCustomerResponse(c.CustomerId, c.Visits, c.Images, c.Orders, Numbers.Money(c.Revenue)))];
}

/// <summary>`ltv stats day DATE`: the day's totals and every customer active that day.</summary>
public sealed record StatsDayResponse(string Date, StatsTotalsResponse Totals, IReadOnlyList<StatsCustomerResponse> Customers)
{
    public static StatsDayResponse Of(DayStats day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new(StatsOutputParts.Date(day.Date), StatsTotalsResponse.Of(day.Totals), StatsCustomerResponse.Of(day.Customers));
    }
}

/// <summary>`ltv stats range`: the totals over the range and each day's totals.</summary>
public sealed record StatsRangeResponse(string From, string To, StatsTotalsResponse Totals, IReadOnlyList<StatsDayTotalsResponse> Days)
{
    public static StatsRangeResponse Of(RangeStats range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return new(
            StatsOutputParts.Date(range.From), StatsOutputParts.Date(range.To), StatsTotalsResponse.Of(range.Totals),
            [.. range.Days.Select(StatsDayTotalsResponse.Of)]);
    }
}

/// <summary>One day's totals within a range.</summary>
public sealed record StatsDayTotalsResponse(string Date, long Customers, long NewCustomers, long Visits, long Images, long Orders, decimal Revenue)
{
    public static StatsDayTotalsResponse Of(DatedTotals d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = StatsTotalsResponse.Of(d.Totals);
        return new(StatsOutputParts.Date(d.Date), t.Customers, t.NewCustomers, t.Visits, t.Images, t.Orders, t.Revenue);
    }
}

/// <summary>`ltv stats top`: the period, the metric ranked by, and the customers.</summary>
public sealed record StatsTopResponse(string From, string To, string By, IReadOnlyList<StatsCustomerResponse> Customers)
{
    public static StatsTopResponse Of(GetPeriodTop query, IReadOnlyList<CustomerFigures> customers)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(StatsOutputParts.Date(query.From), StatsOutputParts.Date(query.To), StatsArguments.MetricName(query.By), StatsCustomerResponse.Of(customers));
    }
}

/// <summary>`ltv stats repeaters [--list]`: repeaters, buyers, their rate (4 decimals), and the repeaters when listed.</summary>
public sealed record StatsRepeatersResponse(
    long Repeaters,
    long Buyers,
    decimal Rate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RepeatCustomerResponse>? Customers = null)
{
    public static StatsRepeatersResponse Of(GetRepeaters query, RepeaterStats stats)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stats);
        IReadOnlyList<RepeatCustomerResponse>? customers = query.List
            ? [.. stats.Customers.Select(c => new RepeatCustomerResponse(c.CustomerId, c.Orders, Numbers.Money(c.Revenue)))]
            : null;
        return new(stats.Repeaters, stats.Buyers, StatsRepeatersOutput.Rate(stats.Rate), customers);
    }
}

/// <summary>A customer with 2 or more orders.</summary>
public sealed record RepeatCustomerResponse(string CustomerId, long Orders, decimal Revenue);
