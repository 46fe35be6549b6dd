using System.CommandLine;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Status;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.ReadModels;

/// <summary>
/// <c>ltv stats backfill</c>: compute the daily statistics over the whole history again. It is the rebuild of
/// the DailyStats read model, sent as <see cref="RebuildProjection"/>.
/// </summary>
public static class StatsBackfillCommand
{
    public static Command Create()
    {
        var command = new Command("backfill", "Recompute the daily statistics from the whole event history (a progress bar on a terminal).");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var result = Console.IsOutputRedirected
                ? await app.Bus.InvokeAsync<RebuildResult>(new RebuildProjection(DailyStatsProjection.ProjectionName), ct)
                : await WithProgressBar(
                    (await app.Bus.InvokeAsync<StoreStatus>(new GetStoreStatus(), ct)).Events,
                    p => app.Bus.InvokeAsync<RebuildResult>(new RebuildProjection(DailyStatsProjection.ProjectionName, p), ct));
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
