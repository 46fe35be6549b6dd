using System.CommandLine;
using Ltv.EventStore.Projections;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;
using Spectre.Console;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv stats backfill</c>: compute the daily statistics over the whole history again.</summary>
public static class StatsBackfillCommand
{
    public static Command Create()
    {
        var wait = new Option<int>("--max-wait")
        {
            Description = "Seconds to wait for transactions still open elsewhere (they hold the log back).",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("backfill", "Recompute the daily statistics from the whole event history (a progress bar on a terminal).") { wait };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var backfill = app.Get<DailyStatsBackfill>();
            var total = await backfill.ResetAsync(ct);
            var maxWait = TimeSpan.FromSeconds(parse.GetValue(wait));
            var result = Console.IsOutputRedirected
                ? await backfill.ReplayAsync(maxWait, applied: null, ct)
                : await WithProgressBar(total, applied => backfill.ReplayAsync(maxWait, applied, ct));
            if (!result.ReachedHead)
            {
                throw new UserError(result.Error is { } error
                    ? $"{DailyStatsProjection.ProjectionName} stopped on an event it cannot apply: {error}"
                    : $"{DailyStatsProjection.ProjectionName} replayed {Numbers.Count(result.Applied)} events but a transaction open elsewhere holds the rest back; run 'ltv project' later.");
            }

            Console.WriteLine($"{DailyStatsProjection.ProjectionName}: recomputed from {Numbers.Count(result.Applied)} events");
            return 0;
        });
        return command;
    }

    private static Task<CatchUpResult> WithProgressBar(long total, Func<IProgress<long>, Task<CatchUpResult>> replay) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("daily statistics", maxValue: Math.Max(1, total));
                var result = await replay(new Progress<long>(applied => task.Value = applied));
                task.Value = task.MaxValue;
                return result;
            });
}
