using System.CommandLine;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.Ingestion;

/// <summary><c>ltv ingest FILE... [--top X]</c>: streams files into the store as one run.</summary>
public static class IngestCommand
{
    /// <summary>
    /// How <c>--top X</c> prints the top X customers after the summary: the Top feature's, handed in where the CLI is
    /// put together (LtvCli), so that ingestion does not depend on it.
    /// </summary>
    public delegate Task TopPrinter(LtvApp app, int x, OutputFormat format, OutputTarget output, CancellationToken ct);

    public static Command Create(TopPrinter printTop)
    {
        ArgumentNullException.ThrowIfNull(printTop);
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Event files: JSON arrays, NDJSON or concatenated objects, optionally gzip-compressed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = new Option<int?>("--top")
        {
            Description = "Then print the top X customers by Simple LTV.",
            CustomParser = r => CommonOptions.Count(r, "--top"),
        };
        var format = CommonOptions.Format();
        var command = new Command("ingest", "Ingest event files and print a summary.") { files, top, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(files)!, parse.GetValue(top), parse.GetValue(format), printTop, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, int? top, OutputFormat format, TopPrinter printTop, ParseResult parse, CancellationToken ct)
    {
        var folder = files.FirstOrDefault(f => Directory.Exists(f.FullName));
        if (folder is not null)
        {
            throw new UserError($"{folder.FullName} is a directory, not a file: name the event files in it, for example {Path.Combine(folder.FullName, "*.json")}");
        }

        var missing = files.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
        {
            throw new UserError($"File not found: {missing.FullName}");
        }

        await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
        var summary = await IngestWithProgress(app.Bus, files, format, ct);
        var catchUp = await app.ReadModels.CatchUpAsync(TimeSpan.FromSeconds(60), ct);

        await using (var output = OutputTarget.Open(null))
        {
            await IngestSummaryOutput.WriteAsync(summary, format, output);
            if (top is { } x)
            {
                await printTop(app, x, format, output, ct);
            }
        }

        if (catchUp.Any(c => !c.Result.ReachedHead))
        {
            await Console.Error.WriteLineAsync("ltv: warning: the ranking could not catch up (a transaction is open elsewhere); see 'ltv project'.");
        }

        if (!summary.Completed)
        {
            await Console.Error.WriteLineAsync($"ltv: {summary.Message}");
            return 1;
        }

        return 0;
    }

    private static async Task<IngestSummary> IngestWithProgress(
        IMessageBus bus, FileInfo[] files, OutputFormat format, CancellationToken ct)
    {
        var streams = files.Select(f => new FileStream(f.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)).ToList();
        try
        {
            var sources = files.Zip(streams, (f, s) => new IngestSource(f.ToString(), s, f.Length)).ToList();
            if (Console.IsOutputRedirected || format != OutputFormat.Table)
            {
                return await bus.InvokeAsync<IngestSummary>(new IngestRun(sources), ct);
            }

            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = sources.Select(s => context.AddTask(Markup.Escape(s.Name), maxValue: Math.Max(1, s.Length ?? 1))).ToList();
                    var progress = new Progress<IngestProgress>(p => tasks[p.SourceIndex].Value = p.BytesRead);
                    var summary = await bus.InvokeAsync<IngestSummary>(new IngestRun(sources, progress), ct);
                    foreach (var task in tasks)
                    {
                        task.Value = task.MaxValue;
                    }

                    return summary;
                });
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
