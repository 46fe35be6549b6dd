using System.Text.Json.Serialization;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli.Output;

namespace Ltv.Host.Api.Contracts;

/// <summary>The totals of a day or a period, as every `ltv stats ... --format json` prints them.</summary>
public sealed record StatsTotalsResponse(long Customers, long NewCustomers, long Visits, long Images, long Orders, decimal Revenue)
{
    public static StatsTotalsResponse From(StatsTotals t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Customers, t.NewCustomers, t.Visits, t.Images, t.Orders, Numbers.Money(t.Revenue));
    }
}

/// <summary>One customer's figures over a day or a period.</summary>
public sealed record StatsCustomerResponse(string CustomerId, long Visits, long Images, long Orders, decimal Revenue)
{
    public static IReadOnlyList<StatsCustomerResponse> From(IEnumerable<CustomerFigures> customers) =>
        [.. customers.Select(c => new StatsCustomerResponse(c.CustomerId, c.Visits, c.Images, c.Orders, Numbers.Money(c.Revenue)))];
}

/// <summary>`ltv stats day DATE --format json`: the day's totals and every customer active that day.</summary>
public sealed record StatsDayResponse(string Date, StatsTotalsResponse Totals, IReadOnlyList<StatsCustomerResponse> Customers);

/// <summary>`ltv stats range --format json`: the totals over the range and each day's totals.</summary>
public sealed record StatsRangeResponse(string From, string To, StatsTotalsResponse Totals, IReadOnlyList<StatsDayTotalsResponse> Days);

/// <summary>One day's totals within a range.</summary>
public sealed record StatsDayTotalsResponse(string Date, long Customers, long NewCustomers, long Visits, long Images, long Orders, decimal Revenue)
{
    public static StatsDayTotalsResponse From(DatedTotals d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = StatsTotalsResponse.From(d.Totals);
        return new(StatsOutputParts.Date(d.Date), t.Customers, t.NewCustomers, t.Visits, t.Images, t.Orders, t.Revenue);
    }
}

/// <summary>`ltv stats top --format json`: the period, the metric ranked by, and the customers.</summary>
public sealed record StatsTopResponse(string From, string To, string By, IReadOnlyList<StatsCustomerResponse> Customers);

/// <summary>`ltv stats repeaters [--list] --format json`: repeaters, buyers, their rate (4 decimals), and the repeaters when listed.</summary>
public sealed record StatsRepeatersResponse(
    long Repeaters,
    long Buyers,
    decimal Rate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RepeatCustomerResponse>? Customers);

/// <summary>A customer with 2 or more orders.</summary>
public sealed record RepeatCustomerResponse(string CustomerId, long Orders, decimal Revenue);
