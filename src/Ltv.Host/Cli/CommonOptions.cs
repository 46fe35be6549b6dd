using System.CommandLine;
using Ltv.Domain.Lifetime;
using Ltv.Host.Composition;

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

    /// <summary><c>--timeframe dataset|customer</c> of the LTV rule; left out, the store's default.</summary>
    public static Option<Timeframe?> Timeframe() => new("--timeframe")
    {
        Description = "dataset (weeks from the earliest to the latest event of all data; the default) or customer (each customer's own first to last event).",
        HelpName = $"{TimeframeNames.Dataset}|{TimeframeNames.Customer}",
        CustomParser = r => CliValues.Choice<Timeframe?>(
            r, "--timeframe", (TimeframeNames.Dataset, Domain.Lifetime.Timeframe.Dataset), (TimeframeNames.Customer, Domain.Lifetime.Timeframe.Customer)),
    };

    /// <summary><c>--lifespan T</c> of the LTV rule, in years; left out, the store's default.</summary>
    public static Option<decimal?> Lifespan() => new("--lifespan")
    {
        Description = "Average customer lifespan t in years (default 10).",
        CustomParser = r => CliValues.Number<decimal>(
            r, "--lifespan", v => v is > 0 and <= LtvSettings.MaxLifespanYears, $"a number of years more than 0 and at most {LtvSettings.MaxLifespanYears}"),
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
