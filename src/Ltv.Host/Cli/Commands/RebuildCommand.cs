using System.CommandLine;
using System.Globalization;
using Ltv.Projections.Store;
using Spectre.Console;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv rebuild NAME|--all</c>: replay the log into a shadow copy, then switch, while queries go on.</summary>
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
            var catalog = app.Get<ReadModelCatalog>();
            foreach (var projection in names ?? catalog.Names)
            {
                var result = await RunAsync(catalog, projection, ct);
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

    private static Task<RebuildResult> RunAsync(ReadModelCatalog catalog, string name, CancellationToken ct)
    {
        if (!catalog.Names.Contains(name))
        {
            throw new UserError($"Unknown projection '{name}': use one of {string.Join(", ", catalog.Names)}.");
        }

        if (Console.IsOutputRedirected)
        {
            return catalog.RebuildAsync(name, progress: null, ct);
        }

        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"rebuilding {Markup.Escape(name)}", maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new Progress<long>(n => task.Description = $"rebuilding {Markup.Escape(name)}: {n:N0} events");
                var result = await catalog.RebuildAsync(name, progress, ct);
                task.Value = 1;
                return result;
            });
    }
}
