using System.CommandLine;
using Ltv.Host.Benchmark;
using Ltv.Host.Cdnow;
using Ltv.Host.Cli.Commands;
using Ltv.Host.Clv;
using Ltv.Host.Customers;
using Ltv.Host.Generation;
using Ltv.Host.Ingestion.Rejections;
using Ltv.Host.Ingestion.Runs;
using Ltv.Host.Ingestion;
using Ltv.Host.LocalPostgres;
using Ltv.Host.ReadModels;
using Ltv.Host.Stats;
using Ltv.Host.Summary;
using Ltv.Host.Top;
using Ltv.Host.Histogram;
using Ltv.Projections.Store;

namespace Ltv.Host.Cli;

/// <summary>The <c>ltv</c> command line: parsing, dispatch, and the one place errors become messages.</summary>
public static class LtvCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Ltv.EventSourced: customer lifetime value from raw shop events, on an event store in PostgreSQL.")
        {
            CommonOptions.Connection,
            IngestCommand.Create(TopCommand.PrintAsync),
            TopCommand.Create(),
            CustomerCommand.Create(),
            HistogramCommand.Create(),
            IngestsCommand.Create(),
            ProjectCommand.Create(),
            SummaryCommand.Create(),
            GenerateCommand.Create(),
            BenchCommand.Create(),
            ClvCommand.Create(),
            ImportCommand.Create(),
            StatsCommand.Create(StatsBackfillCommand.Create()),
            StatusCommand.Create(),
            RebuildCommand.Create(),
            DaemonCommand.Create(),
            RejectedCommand.Create(),
            ServeCommand.Create(),
            CodegenCommand.Create(),
        };

        // `ltv` alone (or with only --connection): a menu on a terminal, the help elsewhere.
        root.SetAction((parse, ct) =>
        {
            var connection = parse.GetValue(CommonOptions.Connection) is { } c ? new[] { "--connection", c } : [];
            return Console.IsInputRedirected || Console.IsOutputRedirected
                ? InvokeAsync(root, ["--help"])
                : InteractiveMenu.RunAsync(args => InvokeAsync(root, [.. args, .. connection]));
        });
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return await InvokeAsync(Build(), args);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        using var signals = new TerminationSignals();
        try
        {
            // Signals are ours (TerminationSignals), so that a command always finishes its own clean-up.
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                await Console.Error.WriteLineAsync($"ltv: {UsageErrors.Describe(parse)}");
                return UsageErrors.ExitCode;
            }

            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            var exitCode = await parse.InvokeAsync(configuration, signals.Token);
            return signals.ExitCode ?? exitCode;
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("ltv: stopped");
            return signals.ExitCode ?? 130;
        }
        catch (Exception e) when (Message(e) is { } message)
        {
            await Console.Error.WriteLineAsync($"ltv: {message}");
            return 1;
        }
    }

    /// <summary>One line for a failure the user can act on; null for a bug, which keeps its stack trace.</summary>
    private static string? Message(Exception e) => e switch
    {
        UserError => e.Message,
        DatabaseUnavailableException => e.Message + " (check --connection or LTV_CONNECTION)",
        _ when DatabaseUnavailable.Is(e) => DatabaseUnavailable.Describe(e) + " (check --connection or LTV_CONNECTION)",
        LocalPostgresException => e.Message,
        Projections.Store.Rebuild.ReadModelBusyException => e.Message,
        OperationCanceledException => "cancelled",
        IOException or UnauthorizedAccessException => e.Message,
        ArgumentException when e.Message.StartsWith("Invalid schema name", StringComparison.Ordinal) => e.Message,
        ArgumentException when e.Message.StartsWith("The connection string from", StringComparison.Ordinal) => e.Message,

        // A validator reading a value the parser could not convert throws rather than report it (System.CommandLine
        // issue 2645): `ltv top 1e3`, `--lifespan 1e30`. The message is the parser's own, about the user's input.
        InvalidOperationException when e.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal) => e.Message,
        _ => null,
    };
}
