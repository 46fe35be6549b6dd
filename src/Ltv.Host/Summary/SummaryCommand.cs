using System.CommandLine;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.Summary;

/// <summary><c>ltv summary</c>: sends <see cref="GetStoreSummary"/> (as GET /api/summary does) and the read models' states.</summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("summary", "What the store holds: events, customers, data quality, read models.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var (summary, projections) = await app.Bus.InvokeAsync<StoreSummaryAnswer>(new GetStoreSummary(), ct);
            await using var target = OutputTarget.Open(null);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(new { summary = StoreSummaryResponse.From(summary), connection = app.Connection.Description }, JsonOutput.Options));
                return 0;
            }

            var table = new Table().HideHeaders().NoBorder().AddColumns("what", "value");
            table.AddRow("Database", Markup.Escape(app.Connection.Description));
            table.AddRow("Events", Numbers.Count(summary.Events));
            table.AddRow("Customers", Numbers.Count(summary.Customers));
            table.AddRow("Customers with activity but no CUSTOMER event", Numbers.Count(summary.CustomersWithoutProfile));
            table.AddRow("Event times", $"{Numbers.Time(summary.FirstEventTime)} .. {Numbers.Time(summary.LastEventTime)}");
            foreach (var p in projections)
            {
                table.AddRow($"Read model {Markup.Escape(p.Name)}", Markup.Escape(p.State));
            }

            target.Console.Write(table);
            return 0;
        });
        return command;
    }
}
