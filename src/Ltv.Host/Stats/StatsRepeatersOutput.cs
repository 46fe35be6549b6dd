using System.Globalization;
using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;
using static Ltv.Host.Cli.Output.StatsOutputParts;

namespace Ltv.Host.Stats;

/// <summary>Prints repeaters and buyers as a table, CSV or JSON; the list of repeaters when asked for.</summary>
public static class StatsRepeatersOutput
{
    public static async Task WriteAsync(GetRepeaters query, StatsAnswer<RepeaterStats> answer, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        var stats = answer.Stats;
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(StatsRepeatersResponse.Of(query, stats), JsonOutput.Options));
                break;
            case OutputFormat.Csv when query.List:
                await target.Writer.WriteLineAsync(Csv.Line("customerId", "orders", "revenue"));
                foreach (var c in stats.Customers)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(c.CustomerId, Invariant(c.Orders), Numbers.MoneyText(c.Revenue)));
                }

                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("repeaters", "buyers", "rate"));
                await target.Writer.WriteLineAsync(Csv.Line(
                    Invariant(stats.Repeaters), Invariant(stats.Buyers), Rate(stats.Rate).ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                WriteTable(stats, query.Window, query.List, target.Console);
                LagNote(target.Console, answer.Lag);
                break;
        }
    }

    /// <summary>The rate with exactly 4 decimals, so JSON writes 0.4000.</summary>
    public static decimal Rate(decimal rate) =>
        decimal.Parse(Math.Round(rate, 4, MidpointRounding.AwayFromZero).ToString("F4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void WriteTable(RepeaterStats stats, DayWindow window, bool withList, IAnsiConsole console)
    {
        var counted = window switch
        {
            { From: null, To: null } => "all orders",
            { From: { } f, To: null } => $"orders first seen on {Date(f)} or later",
            { From: null, To: { } t } => $"orders first seen on {Date(t)} or earlier",
            { From: { } f, To: { } t } => $"orders first seen from {Date(f)} to {Date(t)}",
        };
        var percent = (stats.Rate * 100).ToString("F2", CultureInfo.InvariantCulture);
        console.WriteLine(
            $"Repeaters: {Numbers.Count(stats.Repeaters)} of {Numbers.Count(stats.Buyers)} buyers placed 2 or more orders ({percent}%), counting {counted}");
        if (!withList || stats.Customers.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("Customer", "Orders", "Revenue").AlignNumbers(1);
        foreach (var c in stats.Customers)
        {
            table.AddRow(Markup.Escape(c.CustomerId), Numbers.Count(c.Orders), Numbers.MoneyText(c.Revenue));
        }

        console.Write(table);
    }
}
