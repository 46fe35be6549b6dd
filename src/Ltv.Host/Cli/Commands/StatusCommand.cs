using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ltv.EventStore.Projections;
using Ltv.Host.Cli.Output;
using Ltv.Projections;
using Spectre.Console;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv status</c>: every projection's position, lag and state, and what holds subscriptions back.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("status", "Projections: version, position, lag (events and seconds), state; the oldest open transaction.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var status = await app.Get<ProjectionCatalog>().StatusAsync(ct);
            await using var target = OutputTarget.Open(null);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(Json(status), JsonOutput.Options));
            }
            else
            {
                Write(status, target.Console);
            }

            return status.Projections.Any(p => p.State == ProjectionStates.Failed) ? 1 : 0;
        });
        return command;
    }

    private static object Json(StoreStatus s) => new
    {
        head = s.Head.ToString(),
        events = s.Events,
        oldestOpenTransactionSeconds = s.OldestOpenTransactionSeconds,
        projections = s.Projections.Select(p => new
        {
            p.Name,
            p.Version,
            p.CodeVersion,
            p.Inline,
            position = p.Position.ToString(),
            p.Lag,
            p.LagSeconds,
            p.State,
            p.Error,
            rebuildPosition = p.RebuildPosition?.ToString(),
        }),
    };

    private static void Write(StoreStatus s, IAnsiConsole console)
    {
        console.WriteLine($"Head of the log: {s.Head} ({Numbers.Count(s.Events)} events)");
        console.WriteLine(s.OldestOpenTransactionSeconds is { } age
            ? $"Oldest open transaction: {age.ToString("F1", CultureInfo.InvariantCulture)} s (it holds async projections back)"
            : "Oldest open transaction: none");
        var table = new Table().AddColumns("Projection", "Kind", "Version", "Position", "Lag (events)", "Lag (s)", "State");
        foreach (var p in s.Projections)
        {
            var version = p.Version == p.CodeVersion ? $"{p.Version}" : $"{p.Version} (code: {p.CodeVersion})";
            var state = p.State switch
            {
                ProjectionStates.Failed => $"failed: {p.Error}",
                ProjectionStates.Rebuilding => $"rebuilding (at {p.RebuildPosition})",
                _ => p.State,
            };
            table.AddRow(
                Markup.Escape(p.Name), p.Inline ? "inline" : "async", version, p.Position.ToString(), Numbers.Count(p.Lag),
                p.LagSeconds.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(state));
        }

        console.Write(table);
    }
}
