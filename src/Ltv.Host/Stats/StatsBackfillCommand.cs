using System.CommandLine;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Spectre.Console;

namespace Ltv.Host.Stats;

/// <summary>
/// <c>ltv stats backfill</c>: compute the daily statistics over the whole history again. It is the rebuild of
/// the DailyStats read model.
/// </summary>
public static class StatsBackfillCommand
{
    public static Command Create()
    {
        var command = new Command("backfill", "Recompute the daily statistics from the whole event history (a progress bar on a terminal).");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var catalog = app.Get<ReadModelCatalog>();
            var result = Console.IsOutputRedirected
                ? await catalog.RebuildAsync(DailyStatsProjection.ProjectionName, progress: null, ct)
                : await WithProgressBar((await catalog.StatusAsync(ct)).Events, p => catalog.RebuildAsync(DailyStatsProjection.ProjectionName, p, ct));
            Console.WriteLine($"{DailyStatsProjection.ProjectionName}: recomputed from {Numbers.Count(result.Events)} events");
            return 0;
        });
        return command;
    }

    private static Task<RebuildResult> WithProgressBar(long total, Func<IProgress<long>, Task<RebuildResult>> rebuild) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("daily statistics", maxValue: Math.Max(1, total));
                var result = await rebuild(new Progress<long>(applied => task.Value = applied));
                task.Value = task.MaxValue;
                return result;
            });
}
