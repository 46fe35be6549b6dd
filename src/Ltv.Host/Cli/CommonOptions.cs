using System.CommandLine;

namespace Ltv.Host.Cli;

/// <summary>Options that several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Connection { get; } = new("--connection")
    {
        Description = "PostgreSQL connection string. Default: LTV_CONNECTION, then configuration, then a private local cluster.",
        Recursive = true,
    };

    /// <summary><c>--format</c>, limited to the formats a command can print (all three unless it says otherwise).</summary>
    public static Option<OutputFormat> Format(params OutputFormat[] allowed)
    {
        var formats = allowed.Length == 0 ? [OutputFormat.Table, OutputFormat.Csv, OutputFormat.Json] : allowed;
        var names = formats.Select(f => (Name: f.ToString().ToLowerInvariant(), Value: f)).ToArray();
        var alternatives = CliValues.Alternatives([.. names.Select(n => n.Name)]);
        return new Option<OutputFormat>("--format")
        {
            Description = $"Output format: {alternatives}.",
            HelpName = string.Join('|', names.Select(n => n.Name)),
            DefaultValueFactory = _ => OutputFormat.Table,
            CustomParser = r => CliValues.Choice(r, "--format", names),
        };
    }

    public static Option<FileInfo?> Out() => new("--out")
    {
        Description = "Write the result to this file instead of standard output.",
    };

    /// <summary><c>--limit N</c>: at most N rows. Refused below 0 here, rather than by the database as a failed query.</summary>
    public static Option<int> Limit(string description, int defaultValue) => new("--limit")
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => CliValues.WholeNumber(r, "--limit", 0, int.MaxValue),
    };

    /// <summary>A count of rows to show, such as <c>top X</c>; <paramref name="name"/> is how messages call it.</summary>
    public static int Count(System.CommandLine.Parsing.ArgumentResult result, string name) =>
        CliValues.WholeNumber(result, name, 0, int.MaxValue);
}

/// <summary>How results are printed.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
