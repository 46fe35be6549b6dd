using System.Globalization;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;

namespace Ltv.Host.Histogram;

/// <summary>Prints the LTV histogram as a table with bars, CSV (a line per bucket) or JSON (the HTTP record).</summary>
public static class HistogramOutput
{
    private const int BarWidth = 40;

    public static async Task WriteAsync(LtvHistogramResponse histogram, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(target);
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(histogram, JsonOutput.Options));
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("from", "to", "customers"));
                foreach (var b in histogram.Buckets)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(Numbers.MoneyText(b.From), Numbers.MoneyText(b.To), b.Customers.ToString(CultureInfo.InvariantCulture)));
                }

                break;
            default:
                WriteTable(histogram, target.Console);
                break;
        }
    }

    private static void WriteTable(LtvHistogramResponse h, IAnsiConsole console)
    {
        console.WriteLine(
            $"{Numbers.Count(h.Customers)} customers by Simple LTV (timeframe: {h.Timeframe}; lifespan: {h.LifespanYears} years; {h.Scale} scale); " +
            $"{Numbers.Count(h.WithoutRevenue)} without revenue, in no bucket");
        var table = new Table().AddColumns("From", "To", "Customers", "");
        table.Columns[0].RightAligned();
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        var most = h.Buckets.Select(b => b.Customers).Prepend(1).Max();
        foreach (var b in h.Buckets)
        {
            table.AddRow(Numbers.MoneyText(b.From), Numbers.MoneyText(b.To), Numbers.Count(b.Customers), new string('#', (int)(b.Customers * BarWidth / most)));
        }

        console.Write(table);
    }
}
