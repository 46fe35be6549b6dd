using System.CommandLine;

namespace Ltv.Host.Stats;

/// <summary>
/// <c>ltv stats ...</c>: per-customer daily statistics over the DailyStats read model (UTC days). Its
/// <paramref name="backfill"/> is the read models' (a rebuild), handed in where the CLI is put together (LtvCli).
/// </summary>
public static class StatsCommand
{
    public static Command Create(Command backfill) => new("stats", "Daily customer statistics (UTC days): a day, a range, top customers, repeaters, backfill.")
    {
        StatsDayCommand.Create(),
        StatsRangeCommand.Create(),
        StatsTopCommand.Create(),
        StatsRepeatersCommand.Create(),
        backfill,
    };
}
