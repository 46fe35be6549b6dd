using System.Globalization;
using Spectre.Console;

namespace Ltv.Host.Cli.Output;

/// <summary>What the statistics outputs share: how totals and dates look, and the note when the read model lags.</summary>
public static class StatsOutputParts
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Right-aligns every column from <paramref name="first"/> on (the numbers).</summary>
    public static Table AlignNumbers(this Table table, int first)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in table.Columns.Skip(first))
        {
            column.RightAligned();
        }

        return table;
    }

    public static void LagNote(IAnsiConsole console, long lag)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (lag > 0)
        {
            console.WriteLine($"Note: the daily statistics are {Numbers.Count(lag)} events behind the log; run 'ltv project' to catch up.");
        }
    }
}
