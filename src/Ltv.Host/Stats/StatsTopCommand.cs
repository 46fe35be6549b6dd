using System.CommandLine;
using Ltv.Domain.DailyStats;
using Ltv.Host.Cli;
using Ltv.Projections.DailyStats;
using Wolverine;

namespace Ltv.Host.Stats;

/// <summary><c>ltv stats top --from --to [--by] [--limit]</c>: sends <see cref="GetPeriodTop"/>, as GET /api/stats/top does.</summary>
public static class StatsTopCommand
{
    public static Command Create()
    {
        var from = StatsArguments.From("The first day of the period");
        var to = StatsArguments.To("The last day of the period");
        var by = new Option<string?>("--by") { Description = "Rank by revenue (the default), orders or visits over the period." };
        var limit = new Option<string?>("--limit") { Description = "How many customers (default 10)." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("top", "The top customers over a period, by revenue, orders or visits.") { from, to, by, limit, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var period = StatsArguments.Period(parse.GetValue(from), parse.GetValue(to), StatsArguments.Cli);
            var query = new GetPeriodTop(
                period.From, period.To, StatsArguments.Metric(parse.GetValue(by), StatsArguments.Cli), StatsArguments.Limit(parse.GetValue(limit)));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Bus.InvokeAsync<StatsAnswer<IReadOnlyList<CustomerFigures>>>(query, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await StatsTopOutput.WriteAsync(query, answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
