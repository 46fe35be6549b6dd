using System.CommandLine;
using Ltv.Host.Generation;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv generate</c>: deterministic synthetic events for demos, tests and benchmarks.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "How many customers.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var shuffle = new Option<bool>("--shuffle") { Description = "Write events in random order." };
        var duplicates = new Option<double>("--duplicates") { Description = "Fraction of events written twice (0..1)." };
        var bad = new Option<double>("--bad") { Description = "Fraction of customers with one invalid record (0..1)." };
        var format = new Option<string>("--format") { Description = "ndjson or json (a JSON array).", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("ndjson", "json");
        var gzip = new Option<bool>("--gzip") { Description = "Compress the output with gzip." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command("generate", "Write deterministic synthetic events.")
        {
            customers, seed, shuffle, duplicates, bad, format, gzip, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(customers) < 1 || parse.GetValue(duplicates) is < 0 or > 1 || parse.GetValue(bad) is < 0 or > 1)
            {
                throw new UserError("--customers must be at least 1; --duplicates and --bad are fractions from 0 to 1.");
            }

            var path = parse.GetValue(output)!.FullName;
            var count = await GeneratedFile.WriteAsync(
                path,
                new SyntheticEventOptions(parse.GetValue(customers), parse.GetValue(seed), BadRate: parse.GetValue(bad)),
                new GeneratedFileLayout(parse.GetValue(shuffle), parse.GetValue(duplicates), parse.GetValue(format) == "json", parse.GetValue(gzip)),
                ct);
            await Console.Error.WriteLineAsync($"Wrote {count} records to {path}");
            return 0;
        });
        return command;
    }
}
