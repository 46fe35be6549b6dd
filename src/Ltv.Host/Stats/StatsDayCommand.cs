using System.CommandLine;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli;
using Ltv.Projections.DailyStats;
using Wolverine;

namespace Ltv.Host.Stats;

/// <summary><c>ltv stats day DATE</c>: sends <see cref="GetDayStats"/>, as GET /api/stats/daily/{date} does.</summary>
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
            var answer = await app.Bus.InvokeAsync<StatsAnswer<DayStats>>(new GetDayStats(day), ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsDayOutput.WriteAsync(answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
