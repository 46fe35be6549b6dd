using System.CommandLine;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli;
using Ltv.Projections.DailyStats;
using Wolverine;

namespace Ltv.Host.Stats;

/// <summary><c>ltv stats range --from --to</c>: sends <see cref="GetRangeStats"/>, as GET /api/stats/daily does.</summary>
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
            var period = StatsArguments.Range(parse.GetValue(from), parse.GetValue(to), StatsArguments.Cli);

            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Bus.InvokeAsync<StatsAnswer<RangeStats>>(new GetRangeStats(period.From, period.To), ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsRangeOutput.WriteAsync(answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
