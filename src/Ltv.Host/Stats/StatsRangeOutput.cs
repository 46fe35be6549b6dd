using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;
using Spectre.Console;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using static Ltv.Host.Cli.Output.StatsOutputParts;

namespace Ltv.Host.Stats;

/// <summary>Prints a range of days as a table (with a totals footer), CSV (one row per day) or JSON.</summary>
public static class StatsRangeOutput
{
    public static async Task WriteAsync(StatsAnswer<RangeStats> answer, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        var range = answer.Stats;
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(StatsRangeResponse.Of(range), JsonOutput.Options));
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("date", "customers", "newCustomers", "visits", "images", "orders", "revenue"));
                foreach (var d in range.Days)
                {
                    var t = d.Totals;
                    await target.Writer.WriteLineAsync(Csv.Line(
                        Date(d.Date), Invariant(t.Customers), Invariant(t.NewCustomers), Invariant(t.Visits), Invariant(t.Images),
                        Invariant(t.Orders), Numbers.MoneyText(t.Revenue)));
                }

                break;
            default:
                WriteTable(range, target.Console);
                LagNote(target.Console, answer.Lag);
                break;
        }
    }

    private static void WriteTable(RangeStats range, IAnsiConsole console)
    {
        console.WriteLine($"Statistics from {Date(range.From)} to {Date(range.To)} (UTC days)");
        var t = range.Totals;
        var table = new Table { ShowFooters = true };
        table.AddColumn(new TableColumn("Date").Footer("Total"));
        table.AddColumn(new TableColumn("Customers").Footer(Numbers.Count(t.Customers)));
        table.AddColumn(new TableColumn("New").Footer(Numbers.Count(t.NewCustomers)));
        table.AddColumn(new TableColumn("Visits").Footer(Numbers.Count(t.Visits)));
        table.AddColumn(new TableColumn("Images").Footer(Numbers.Count(t.Images)));
        table.AddColumn(new TableColumn("Orders").Footer(Numbers.Count(t.Orders)));
        table.AddColumn(new TableColumn("Revenue").Footer(Numbers.MoneyText(t.Revenue)));
        table.AlignNumbers(1);
        foreach (var d in range.Days)
        {
            var day = d.Totals;
            table.AddRow(
                Date(d.Date), Numbers.Count(day.Customers), Numbers.Count(day.NewCustomers), Numbers.Count(day.Visits),
                Numbers.Count(day.Images), Numbers.Count(day.Orders), Numbers.MoneyText(day.Revenue));
        }

        console.Write(table);
    }
}
