using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;
using Spectre.Console;
using static Ltv.Host.Cli.Output.StatsOutputParts;

namespace Ltv.Host.Stats;

/// <summary>Prints the top customers over a period as a table, CSV or JSON.</summary>
public static class StatsTopOutput
{
    public static async Task WriteAsync(GetPeriodTop query, StatsAnswer<IReadOnlyList<CustomerFigures>> answer, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        var customers = answer.Stats;
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(StatsTopResponse.Of(query, customers), JsonOutput.Options));
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
                    $"Top {customers.Count} customers by {StatsArguments.MetricName(query.By)} from {Date(query.From)} to {Date(query.To)} (UTC days)");
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
