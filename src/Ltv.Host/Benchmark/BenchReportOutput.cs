using System.Globalization;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;

namespace Ltv.Host.Benchmark;

/// <summary>Prints a benchmark report: a table with each figure, its ratio to the baseline and its target, or one JSON object.</summary>
public static class BenchReportOutput
{
    public static async Task WriteAsync(BenchReport report, OutputFormat format, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(target);
        if (format == OutputFormat.Json)
        {
            await target.Writer.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options));
            return;
        }

        var console = target.Console;
        console.WriteLine(Text(
            $"Benchmark: {report.Events:N0} events of {report.Customers:N0} customers; medians of {report.Repetitions} repetitions; {report.Server}"));
        var table = new Table().AddColumns("figure", "result", "vs baseline", "target", "met");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.AddRow("baseline: binary COPY into a bare events table", Rate(report.BaselineEventsPerSec), "1.00", "", "");
        table.AddRow("ingest (parse, validate, dedupe, append, inline projection)", Rate(report.IngestEventsPerSec), Ratio(report.IngestRatio), ">= 0.25", Met(report.IngestRatio >= 0.25));
        table.AddRow("re-ingest of the same file (all duplicates)", Rate(report.ReingestEventsPerSec), Ratio(report.ReingestRatio), "", "");
        table.AddRow(Markup.Escape($"catch-up of the async projections ({string.Join(", ", report.AsyncProjections)})"), Rate(report.CatchUpEventsPerSec), Ratio(report.CatchUpRatio), ">= 0.25", Met(report.CatchUpRatio >= 0.25));
        table.AddRow(Markup.Escape($"rebuild of {report.RebuiltProjection} (ltv rebuild)"), Rate(report.RebuildEventsPerSec), Ratio(report.RebuildRatio), ">= 0.50", Met(report.RebuildRatio >= 0.5));
        table.AddRow("top 10, dataset timeframe: p50 / p99", Latency(report.Top10DatasetP50Ms, report.Top10DatasetP99Ms), "", "p99 <= 2 ms", Met(report.Top10DatasetP99Ms <= 2));
        table.AddRow("top 10, customer timeframe: p50 / p99", Latency(report.Top10CustomerP50Ms, report.Top10CustomerP99Ms), "", "p99 <= 2 ms", Met(report.Top10CustomerP99Ms <= 2));
        table.AddRow("peak working set of `ltv ingest`", Text($"{report.PeakWorkingSetMb:F0} MB"), "", "<= 300 MB", Met(report.PeakWorkingSetMb <= 300));
        table.AddRow(
            Markup.Escape($"ingest time, 4x the events ({report.ScalingSmallEvents:N0} -> {report.Events:N0})"),
            Text($"{report.ScalingTimeRatio4x:F2}x"), "", "<= 4.40x", Met(report.ScalingTimeRatio4x <= 4.4));
        table.AddRow(
            "baseline COPY time, 4x the events (the machine's own slope)",
            Text($"{report.BaselineScalingTimeRatio4x:F2}x"), "", "", "");
        console.Write(table);
        console.WriteLine(Text($"top 10: {report.Top10Queries:N0} queries per timeframe; vs baseline: the median of the ratios measured in each repetition."));
    }

    private static string Rate(double perSecond) => Text($"{perSecond:N0} events/s");

    private static string Ratio(double ratio) => Text($"{ratio:F2}");

    private static string Latency(double p50, double p99) => Text($"{p50:F2} / {p99:F2} ms");

    private static string Met(bool met) => met ? "yes" : "no";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
