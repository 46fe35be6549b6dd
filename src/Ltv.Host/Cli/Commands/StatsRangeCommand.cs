using System.CommandLine;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv stats range --from --to</c>: each day's totals over a range, and the range's totals.</summary>
public static class StatsRangeCommand
{
    public static Command Create()
    {
        var from = StatsArguments.From("The first day");
        var to = StatsArguments.To("The last day");
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("range", "Each UTC day's totals from --from to --to, and the totals over the range.") { from, to, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var period = StatsArguments.Period(parse.GetValue(from), parse.GetValue(to));
            if (Projections.DailyStats.DailyStatsQuery.RangeProblem(period.From, period.To) is { } problem)
            {
                throw new UserError($"--from/--to: {problem}.");
            }

            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Get<DailyStatsQuery>().RangeAsync(period.From, period.To, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsRangeOutput.WriteAsync(answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
