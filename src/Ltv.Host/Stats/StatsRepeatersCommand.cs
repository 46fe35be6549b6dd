using System.CommandLine;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli;
using Ltv.Projections.DailyStats;
using Wolverine;

namespace Ltv.Host.Stats;

/// <summary><c>ltv stats repeaters [--from] [--to] [--list]</c>: sends <see cref="GetRepeaters"/>, as GET /api/stats/repeaters does.</summary>
public static class StatsRepeatersCommand
{
    public static Command Create()
    {
        var from = StatsArguments.From("Count only orders whose first event is on or after this day");
        var to = StatsArguments.To("Count only orders whose first event is on or before this day");
        var list = new Option<bool>("--list") { Description = "Also list the repeaters, most orders first." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("repeaters", "How many buyers placed 2 or more orders (distinct order keys), and the repeat rate.")
        {
            from, to, list, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var query = new GetRepeaters(StatsArguments.Window(parse.GetValue(from), parse.GetValue(to), StatsArguments.Cli), parse.GetValue(list));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Bus.InvokeAsync<StatsAnswer<RepeaterStats>>(query, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsRepeatersOutput.WriteAsync(query, answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
