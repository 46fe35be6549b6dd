using System.CommandLine;
using Ltv.Projections.Store;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv project</c>: catch every async projection up to the head of the log once, then exit.</summary>
public static class ProjectCommand
{
    public static Command Create()
    {
        var wait = new Option<int>("--max-wait")
        {
            Description = "Seconds to wait while the read models make no progress (a transaction open elsewhere holds the log back).",
            DefaultValueFactory = _ => 60,
            CustomParser = r => CliValues.WholeNumber(r, "--max-wait", 0, 86_400),
        };
        var command = new Command("project", "Bring the async read models up to date with the log, then exit.") { wait };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var results = await app.ReadModels.CatchUpAsync(TimeSpan.FromSeconds(parse.GetValue(wait)), ct);
            foreach (var (name, result) in results)
            {
                Console.WriteLine($"{name}: applied {result.Applied} events, {(result.ReachedHead ? "caught up" : "still behind (a transaction is open elsewhere)")}");
            }

            return results.All(r => r.Result.ReachedHead) ? 0 : 1;
        });
        return command;
    }
}
