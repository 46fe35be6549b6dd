using System.CommandLine;
using System.Text.Json;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Store;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.Ingestion.Rejections;

/// <summary>
/// <c>ltv rejected</c> sends <see cref="GetRejections"/>, as GET /api/rejected does; <c>ltv rejected retry</c> sends
/// <see cref="RetryRejections"/>, then lets the read models catch up.
/// </summary>
public static class RejectedCommand
{
    public static Command Create()
    {
        var run = new Option<long?>("--run")
        {
            Description = "Only rejections of this ingest run.",
            CustomParser = r => CliValues.WholeNumber(r, "--run", 1L, long.MaxValue),
        };
        var reason = new Option<string?>("--reason") { Description = "Only rejections whose reason contains this text." };
        var limit = CommonOptions.Limit("At most this many.", 50);
        var all = new Option<bool>("--all") { Description = "Include rejections already resolved by a retry." };
        var format = CommonOptions.Format();
        var command = new Command("rejected", "List rejected input: run, source, position, reason, raw text.") { run, reason, limit, all, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var query = new GetRejections(parse.GetValue(run), parse.GetValue(reason), parse.GetValue(all), AfterId: 0, parse.GetValue(limit));
            var rows = await app.Bus.InvokeAsync<IReadOnlyList<RejectedEvent>>(query, ct);
            await using var target = OutputTarget.Open(null);
            await WriteAsync(rows, parse.GetValue(format), target);
            return 0;
        });
        command.Subcommands.Add(Retry(run, reason));
        return command;
    }

    private static Command Retry(Option<long?> run, Option<string?> reason)
    {
        var retry = new Command("retry", "Validate stored rejections again; append those that pass now and mark them resolved.") { run, reason };
        retry.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var summary = await app.Bus.InvokeAsync<RetrySummary>(new RetryRejections(parse.GetValue(run), parse.GetValue(reason)), ct);
            await app.ReadModels.CatchUpAsync(TimeSpan.FromSeconds(60), ct);
            Console.WriteLine($"Retry run {summary.RunId}: {summary.Retried} rejected events retried, {summary.Resolved} resolved, {summary.Accepted} events appended.");
            foreach (var (why, count) in summary.StillRejected.OrderByDescending(x => x.Value))
            {
                Console.WriteLine($"  still rejected: {why} ({count})");
            }

            return 0;
        });
        return retry;
    }

    private static async Task WriteAsync(IReadOnlyList<RejectedEvent> rows, OutputFormat format, OutputTarget target)
    {
        switch (format)
        {
            case OutputFormat.Json:
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(rows.Select(RejectedEventResponse.From), JsonOutput.Options));
                break;
            case OutputFormat.Csv:
                await target.Writer.WriteLineAsync(Csv.Line("id", "runId", "source", "index", "byteOffset", "reason", "detail", "raw", "retriedBy"));
                foreach (var r in rows)
                {
                    await target.Writer.WriteLineAsync(Csv.Line(
                        $"{r.Id}", $"{r.RunId}", r.Source, $"{r.Index}", $"{r.ByteOffset}", r.Reason, r.Detail, r.Text, r.RetriedBy?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                break;
            default:
                var table = new Table().AddColumns("Id", "Run", "Source", "Index", "Offset", "Reason", "Raw");
                foreach (var r in rows)
                {
                    var raw = r.Text.Length > 80 ? r.Text[..77] + "..." : r.Text;
                    var why = r.Detail is null ? r.Reason : $"{r.Reason}: {r.Detail}";
                    table.AddRow($"{r.Id}", $"{r.RunId}", Markup.Escape(r.Source), $"{r.Index}", $"{r.ByteOffset}", Markup.Escape(why), Markup.Escape(raw));
                }

                target.Console.Write(table);
                break;
        }
    }
}
