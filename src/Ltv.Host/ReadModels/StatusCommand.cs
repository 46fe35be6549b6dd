using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Store.Status;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.ReadModels;

/// <summary><c>ltv status</c>: sends <see cref="GetStoreStatus"/>, as GET /api/projections does.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("status", "Read models: position, lag (events and seconds), state, who runs them; the high-water mark, skipped gaps, dead letters, the oldest open transaction; the serving hosts.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var status = await app.Bus.InvokeAsync<StoreStatus>(new GetStoreStatus(), ct);
            await using var target = OutputTarget.Open(null);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(StoreStatusResponse.From(status), JsonOutput.Options));
            }
            else
            {
                Write(status, target.Console);
            }

            return status.Projections.Any(p => p.State == ProjectionStates.Failed) ? 1 : 0;
        });
        return command;
    }

    private static void Write(StoreStatus s, IAnsiConsole console)
    {
        console.WriteLine($"Head of the log: {s.Head} ({Numbers.Count(s.Events)} events)");
        console.WriteLine($"High-water mark: {s.HighWaterMark} (skipped gaps: {s.SkippedGaps}; dead-letter events: {s.DeadLetterEvents})");
        console.WriteLine(s.OldestOpenTransactionSeconds is { } age
            ? $"Oldest open transaction: {age.ToString("F1", CultureInfo.InvariantCulture)} s (it holds async projections back)"
            : "Oldest open transaction: none");
        var table = new Table().AddColumns("Projection", "Kind", "Position", "Lag (events)", "Lag (s)", "State", "Run by");
        foreach (var p in s.Projections)
        {
            var state = p.State == ProjectionStates.Failed ? $"failed: {p.Error}" : p.State;
            table.AddRow(
                Markup.Escape(p.Name), p.Inline ? "inline" : "async", p.Position.ToString(CultureInfo.InvariantCulture), Numbers.Count(p.Lag),
                p.LagSeconds.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(state), Markup.Escape(p.Inline ? "every append" : p.RunBy ?? "nobody"));
        }

        console.Write(table);
        if (s.Hosts.Count == 0)
        {
            return;
        }

        var hosts = new Table().AddColumns("Host", "Listens on", "Process", "Started (UTC)", "Last heartbeat (s ago)");
        foreach (var h in s.Hosts)
        {
            hosts.AddRow(
                Markup.Escape(h.Name), Markup.Escape(h.Urls), h.ProcessId.ToString(CultureInfo.InvariantCulture),
                h.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                h.HeartbeatAgeSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(hosts);
    }
}
