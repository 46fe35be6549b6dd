using System.CommandLine;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv stats repeaters [--from] [--to] [--list]</c>: customers with 2 or more orders, out of all buyers.</summary>
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
            var window = StatsArguments.Window(parse.GetValue(from), parse.GetValue(to));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Get<PeriodCustomersQuery>().RepeatersAsync(window, parse.GetValue(list), ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsRepeatersOutput.WriteAsync(answer, window, parse.GetValue(list), parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
