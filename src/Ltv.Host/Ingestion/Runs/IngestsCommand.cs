using System.CommandLine;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.Ingestion.Runs;

/// <summary><c>ltv ingests</c>: sends <see cref="GetIngestRuns"/>, as GET /api/ingests does.</summary>
public static class IngestsCommand
{
    public static Command Create()
    {
        var limit = CommonOptions.Limit("How many runs, newest first.", 20);
        var format = CommonOptions.Format();
        var command = new Command("ingests", "List past ingest runs with their summaries.") { limit, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var runs = await app.Bus.InvokeAsync<IReadOnlyList<IngestSummary>>(new GetIngestRuns(parse.GetValue(limit)), ct);
            await using var target = OutputTarget.Open(null);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(runs, JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line("runId", "status", "read", "accepted", "duplicates", "conflicting", "rejected"));
                    foreach (var r in runs)
                    {
                        await target.Writer.WriteLineAsync(Csv.Line(
                            $"{r.RunId}", r.Status, $"{r.Read}", $"{r.Accepted}", $"{r.Duplicates}", $"{r.Conflicting}", $"{r.Rejected}"));
                    }

                    break;
                default:
                    var table = new Table().AddColumns("Run", "Status", "Read", "Accepted", "Duplicates", "Rejected", "Top reasons");
                    foreach (var r in runs)
                    {
                        var reasons = string.Join(", ", r.RejectedByReason.OrderByDescending(x => x.Value).Take(3).Select(x => $"{x.Key} ({x.Value})"));
                        table.AddRow(
                            $"{r.RunId}", r.Status, Numbers.Count(r.Read), Numbers.Count(r.Accepted),
                            Numbers.Count(r.Duplicates), Numbers.Count(r.Rejected), Markup.Escape(reasons));
                    }

                    target.Console.Write(table);
                    break;
            }

            return 0;
        });
        return command;
    }
}
