using System.CommandLine;
using Ltv.Domain.Lifetime;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Host.Composition;
using Ltv.Projections.Store.Ranking;
using Wolverine;

namespace Ltv.Host.Top;

/// <summary><c>ltv top X</c>: sends <see cref="GetTopCustomers"/>, as GET /api/customers/top does.</summary>
public static class TopCommand
{
    public static Command Create()
    {
        var x = new Argument<int>("x") { Description = "How many customers.", CustomParser = r => CommonOptions.Count(r, "X") };
        var timeframe = CommonOptions.Timeframe();
        var lifespan = CommonOptions.Lifespan();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("top", "The top X customers by Simple LTV = 52 x a x t.") { x, timeframe, lifespan, format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var query = new GetTopCustomers(parse.GetValue(x), parse.GetValue(timeframe), parse.GetValue(lifespan));
            var answer = await app.Bus.InvokeAsync<TopCustomersAnswer>(query, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await TopCustomersOutput.WriteAsync(answer, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }

    /// <summary>What <c>ltv ingest --top X</c> prints after its summary: the store's defaults for timeframe and lifespan.</summary>
    public static async Task PrintAsync(LtvApp app, int x, OutputFormat format, OutputTarget output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        var answer = await app.Bus.InvokeAsync<TopCustomersAnswer>(new GetTopCustomers(x), ct);
        await TopCustomersOutput.WriteAsync(answer, format, output);
    }
}
