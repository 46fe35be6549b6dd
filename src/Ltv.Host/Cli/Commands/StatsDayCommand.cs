using System.CommandLine;
using Ltv.Host.Cli.Output;
using Ltv.Projections.DailyStats;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv stats day DATE</c>: every customer active that day, and the day's totals.</summary>
public static class StatsDayCommand
{
    public static Command Create()
    {
        var date = new Argument<string>("date") { Description = "The UTC day, as YYYY-MM-DD." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("day", "Every customer's figures on one UTC day, and the day's totals.") { date, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var day = DayText.Parse(parse.GetValue(date), "date");
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Get<DailyStatsQuery>().DayAsync(day, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsDayOutput.WriteAsync(answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
