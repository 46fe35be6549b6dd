using System.Globalization;
using System.Text.Json;
using Ltv.Domain.Lifetime;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Host.Composition;
using Ltv.Projections.Store.Ranking;
using Spectre.Console;

namespace Ltv.Host.Top;

/// <summary>Prints a top-X answer as a table, CSV or JSON.</summary>
public static class TopCustomersOutput
{
    public static async Task WriteAsync(TopCustomersAnswer answer, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        switch (format)
        {
            case OutputFormat.Json:
                await WriteJson(answer, target.Writer);
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("customerId", "lastName", "visits", "orders", "revenue", "weeks", "ltv"));
                foreach (var c in answer.Customers)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(
                        c.CustomerId.Value, c.LastName, Invariant(c.Visits), Invariant(c.Orders),
                        Numbers.MoneyText(c.Revenue), Invariant(c.Weeks), Numbers.MoneyText(c.Ltv)));
                }

                break;
            default:
                WriteTable(answer, target.Console);
                break;
        }
    }

    private static void WriteTable(TopCustomersAnswer answer, IAnsiConsole console)
    {
        var settings = answer.Settings;
        var weeks = answer.DatasetWeeks is { } w && settings.Timeframe == Domain.Lifetime.Timeframe.Dataset ? $", {w} weeks" : "";
        console.WriteLine(
            $"Top {answer.Customers.Count} customers by Simple LTV (timeframe: {TimeframeNames.Of(settings.Timeframe)}{weeks}; " +
            $"lifespan: {settings.LifespanYears.ToString(CultureInfo.InvariantCulture)} years)");
        var table = new Table().AddColumns("#", "Customer", "Last name", "Visits", "Orders", "Revenue", "Weeks", "LTV");
        foreach (var column in table.Columns.Skip(3))
        {
            column.RightAligned();
        }

        var rank = 0;
        foreach (var c in answer.Customers)
        {
            table.AddRow(
                Invariant(++rank), Markup.Escape(c.CustomerId.Value), Markup.Escape(LastName(c)),
                Invariant(c.Visits), Invariant(c.Orders), Numbers.MoneyText(c.Revenue), Invariant(c.Weeks), Numbers.MoneyText(c.Ltv));
        }

        console.Write(table);
        if (answer.Lag > 0)
        {
            console.WriteLine($"Note: the ranking is {Numbers.Count(answer.Lag)} events behind the log; run 'ltv project' to catch up.");
        }
    }

    private static async Task WriteJson(TopCustomersAnswer answer, TextWriter writer) =>
        await writer.WriteLineAsync(JsonSerializer.Serialize(TopCustomerResponse.From(answer), JsonOutput.Options));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A missing name says why it is missing: no CUSTOMER event yet, or one that gave no last name.</summary>
    public static string LastName(LtvResult customer) =>
        customer.LastName ?? (customer.HasCustomerEvent ? LastNames.NotGiven : LastNames.NoCustomerEvent);
}
