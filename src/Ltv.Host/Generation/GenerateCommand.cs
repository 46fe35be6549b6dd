using System.CommandLine;
using Ltv.Host.Cli;

namespace Ltv.Host.Generation;

/// <summary><c>ltv generate</c>: deterministic synthetic events for demos, tests and benchmarks.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers")
        {
            Description = "How many customers.",
            Required = true,
            CustomParser = r => CliValues.WholeNumber(r, "--customers", 1, int.MaxValue),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The same seed gives the same file.",
            DefaultValueFactory = _ => 1,
            CustomParser = r => CliValues.WholeNumber(r, "--seed", int.MinValue, int.MaxValue),
        };
        var shuffle = new Option<bool>("--shuffle") { Description = "Write events in random order." };
        var duplicates = Fraction("--duplicates", "Fraction of events written twice (0..1).");
        var bad = Fraction("--bad", "Fraction of customers with one invalid record (0..1).");
        var format = new Option<bool>("--format")
        {
            Description = "ndjson or json (a JSON array).",
            HelpName = "ndjson|json",
            CustomParser = r => CliValues.Choice(r, "--format", ("ndjson", false), ("json", true)),
        };
        var gzip = new Option<bool>("--gzip") { Description = "Compress the output with gzip." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command("generate", "Write deterministic synthetic events.")
        {
            customers, seed, shuffle, duplicates, bad, format, gzip, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!.FullName;
            var count = await GeneratedFile.WriteAsync(
                path,
                new SyntheticEventOptions(parse.GetValue(customers), parse.GetValue(seed), BadRate: parse.GetValue(bad)),
                new GeneratedFileLayout(parse.GetValue(shuffle), parse.GetValue(duplicates), parse.GetValue(format), parse.GetValue(gzip)),
                ct);
            await Console.Error.WriteLineAsync($"Wrote {count} records to {path}");
            return 0;
        });
        return command;
    }

    private static Option<double> Fraction(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => CliValues.Number<double>(r, name, v => v is >= 0 and <= 1, "a fraction from 0 to 1"),
    };
}
