using System.CommandLine;
using System.Globalization;
using Ltv.Host.Cli;
using Ltv.Projections.Store;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.ReadModels;

/// <summary><c>ltv rebuild NAME|--all</c>: sends <see cref="RebuildProjection"/> for each, as POST /api/projections/{name}/rebuild does.</summary>
public static class RebuildCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "The projection to rebuild (see `ltv status`).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Rebuild every projection." };
        var command = new Command("rebuild", "Rebuild a read model from the whole log while the current copy keeps answering.") { name, all };
        command.SetAction(async (parse, ct) =>
        {
            var names = Names(parse.GetValue(name), parse.GetValue(all));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            foreach (var projection in names ?? app.ReadModels.Names)
            {
                var result = await RunAsync(app.Bus, projection, ct);
                Console.WriteLine(
                    $"{result.Projection}: rebuilt from {result.Events.ToString("N0", CultureInfo.InvariantCulture)} events in " +
                    $"{result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
            }

            return 0;
        });
        return command;
    }

    private static string[]? Names(string? name, bool all) => (name, all) switch
    {
        (null, false) => throw new UserError("Name a projection to rebuild, or use --all (`ltv status` lists them)."),
        (not null, true) => throw new UserError("Give a projection name or --all, not both."),
        (null, true) => null,
        _ => [name!],
    };

    private static Task<RebuildResult> RunAsync(IMessageBus bus, string name, CancellationToken ct)
    {
        if (Console.IsOutputRedirected)
        {
            return bus.InvokeAsync<RebuildResult>(new RebuildProjection(name), ct);
        }

        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"rebuilding {Markup.Escape(name)}", maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new Progress<long>(n => task.Description = $"rebuilding {Markup.Escape(name)}: {n:N0} events");
                var result = await bus.InvokeAsync<RebuildResult>(new RebuildProjection(name, progress), ct);
                task.Value = 1;
                return result;
            });
    }
}
