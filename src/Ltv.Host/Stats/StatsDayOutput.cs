using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;
using Spectre.Console;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using static Ltv.Host.Cli.Output.StatsOutputParts;

namespace Ltv.Host.Stats;

/// <summary>Prints one day's statistics as a table, CSV (one row per customer) or JSON.</summary>
public static class StatsDayOutput
{
    public static async Task WriteAsync(StatsAnswer<DayStats> answer, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        var day = answer.Stats;
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(StatsDayResponse.Of(day), JsonOutput.Options));
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("date", "customerId", "visits", "images", "orders", "revenue"));
                foreach (var c in day.Customers)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(
                        Date(day.Date), c.CustomerId, Invariant(c.Visits), Invariant(c.Images), Invariant(c.Orders), Numbers.MoneyText(c.Revenue)));
                }

                break;
            default:
                WriteTable(day, target.Console);
                LagNote(target.Console, answer.Lag);
                break;
        }
    }

    private static void WriteTable(DayStats day, IAnsiConsole console)
    {
        var t = day.Totals;
        console.WriteLine($"Statistics for {Date(day.Date)} (UTC day)");
        var totals = new Table().HideHeaders().NoBorder().AddColumns("what", "value").AlignNumbers(1);
        totals.AddRow("customers active", Numbers.Count(t.Customers));
        totals.AddRow("new customers", Numbers.Count(t.NewCustomers));
        totals.AddRow("visits", Numbers.Count(t.Visits));
        totals.AddRow("images", Numbers.Count(t.Images));
        totals.AddRow("orders", Numbers.Count(t.Orders));
        totals.AddRow("revenue", Numbers.MoneyText(t.Revenue));
        console.Write(totals);
        if (day.Customers.Count == 0)
        {
            return;
        }

        var customers = new Table().AddColumns("Customer", "Visits", "Images", "Orders", "Revenue").AlignNumbers(1);
        foreach (var c in day.Customers)
        {
            customers.AddRow(
                Markup.Escape(c.CustomerId), Numbers.Count(c.Visits), Numbers.Count(c.Images), Numbers.Count(c.Orders), Numbers.MoneyText(c.Revenue));
        }

        console.Write(customers);
    }
}
