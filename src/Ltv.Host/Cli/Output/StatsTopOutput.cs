using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli.Commands;
using Ltv.Projections.DailyStats;
using Spectre.Console;
using static Ltv.Host.Cli.Output.StatsOutputParts;

namespace Ltv.Host.Cli.Output;

/// <summary>Prints the top customers over a period as a table, CSV or JSON.</summary>
public static class StatsTopOutput
{
    public static async Task WriteAsync(
        StatsAnswer<IReadOnlyList<CustomerFigures>> answer, (DateOnly From, DateOnly To) period, TopMetric by, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        var customers = answer.Stats;
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        From = Date(period.From),
                        To = Date(period.To),
                        By = StatsArguments.MetricName(by),
                        Customers = customers.Select(c => new { c.CustomerId, c.Visits, c.Images, c.Orders, Revenue = Numbers.Money(c.Revenue) }),
                    },
                    JsonOutput.Options));
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("customerId", "visits", "images", "orders", "revenue"));
                foreach (var c in customers)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(
                        c.CustomerId, Invariant(c.Visits), Invariant(c.Images), Invariant(c.Orders), Numbers.MoneyText(c.Revenue)));
                }

                break;
            default:
                target.Console.WriteLine(
                    $"Top {customers.Count} customers by {StatsArguments.MetricName(by)} from {Date(period.From)} to {Date(period.To)} (UTC days)");
                var table = new Table().AddColumns("#", "Customer", "Visits", "Images", "Orders", "Revenue").AlignNumbers(2);
                var rank = 0;
                foreach (var c in customers)
                {
                    table.AddRow(
                        Invariant(++rank), Markup.Escape(c.CustomerId), Numbers.Count(c.Visits), Numbers.Count(c.Images),
                        Numbers.Count(c.Orders), Numbers.MoneyText(c.Revenue));
                }

                target.Console.Write(table);
                LagNote(target.Console, answer.Lag);
                break;
        }
    }
}
