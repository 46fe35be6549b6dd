using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;

namespace Ltv.Host.Ingestion;

/// <summary>Prints an ingest run's summary.</summary>
public static class IngestSummaryOutput
{
    public static async Task WriteAsync(IngestSummary summary, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(target);
        if (format == OutputFormat.Json)
        {
            await target.Writer.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOutput.Options));
            return;
        }

        if (format == OutputFormat.Csv)
        {
            await target.Writer.WriteLineAsync(Csv.Line("runId", "status", "read", "accepted", "duplicates", "conflicting", "rejected"));
            await target.Writer.WriteLineAsync(Csv.Line(
                $"{summary.RunId}", summary.Status, $"{summary.Read}", $"{summary.Accepted}", $"{summary.Duplicates}",
                $"{summary.Conflicting}", $"{summary.Rejected}"));
            return;
        }

        var console = target.Console;
        console.WriteLine($"Ingest run {summary.RunId}: {summary.Status}");
        var table = new Table().HideHeaders().NoBorder().AddColumns("what", "count");
        table.Columns[1].RightAligned();
        table.AddRow("read", Numbers.Count(summary.Read));
        table.AddRow("accepted", Numbers.Count(summary.Accepted));
        table.AddRow("duplicates", Numbers.Count(summary.Duplicates) + (summary.Conflicting > 0 ? $" ({Numbers.Count(summary.Conflicting)} conflicting)" : ""));
        table.AddRow("rejected", Numbers.Count(summary.Rejected));
        foreach (var (reason, count) in summary.RejectedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            table.AddRow("  " + Markup.Escape(reason), Numbers.Count(count));
        }

        console.Write(table);
        if (summary.Message is { } message)
        {
            console.WriteLine(message);
        }
    }
}
