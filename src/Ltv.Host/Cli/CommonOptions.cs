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

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: table, csv or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public static Option<FileInfo?> Out() => new("--out")
    {
        Description = "Write the result to this file instead of standard output.",
    };

    /// <summary><c>--limit N</c>: at most N rows. Refused below 0 here, rather than by the database as a failed query.</summary>
    public static Option<int> Limit(string description, int defaultValue)
    {
        var limit = new Option<int>("--limit") { Description = description, DefaultValueFactory = _ => defaultValue };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must be 0 or more.");
            }
        });
        return limit;
    }
}

/// <summary>How results are printed.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
