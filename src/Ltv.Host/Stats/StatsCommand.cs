using System.CommandLine;
using Ltv.Host.Cli;

namespace Ltv.Host.Stats;

/// <summary><c>ltv stats ...</c>: per-customer daily statistics over the DailyStats read model (UTC days).</summary>
public static class StatsCommand
{
    public static Command Create() => new("stats", "Daily customer statistics (UTC days): a day, a range, top customers, repeaters, backfill.")
    {
        StatsDayCommand.Create(),
        StatsRangeCommand.Create(),
        StatsTopCommand.Create(),
        StatsRepeatersCommand.Create(),
        StatsBackfillCommand.Create(),
    };
}
