using System.CommandLine;
using Ltv.Host.Cli;
using Ltv.Projections.Ranking;
using Wolverine;

namespace Ltv.Host.Histogram;

/// <summary><c>ltv histogram</c>: sends <see cref="GetLtvHistogram"/>, as GET /api/customers/ltv-histogram does.</summary>
public static class HistogramCommand
{
    public static Command Create()
    {
        var buckets = new Option<int>("--buckets")
        {
            Description = $"How many buckets (1 to {HistogramEdges.MaxBuckets}; default 20); fewer come back when cents cannot tell their edges apart.",
            DefaultValueFactory = _ => 20,
            CustomParser = r => CliValues.WholeNumber(r, "--buckets", 1, HistogramEdges.MaxBuckets),
        };
        var scale = new Option<HistogramScale>("--scale")
        {
            Description = "linear (equal widths from 0; the default) or log (equal ratios from the smallest positive LTV).",
            HelpName = "linear|log",
            DefaultValueFactory = _ => HistogramScale.Linear,
            CustomParser = r => CliValues.Choice(r, "--scale", ("linear", HistogramScale.Linear), ("log", HistogramScale.Log)),
        };
        var timeframe = CommonOptions.Timeframe();
        var lifespan = CommonOptions.Lifespan();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("histogram", "How Simple LTV is spread over the customers: customers per LTV bucket.")
        {
            buckets, scale, timeframe, lifespan, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var query = new GetLtvHistogram(parse.GetValue(buckets), parse.GetValue(scale), parse.GetValue(timeframe), parse.GetValue(lifespan));
            var answer = await app.Bus.InvokeAsync<LtvHistogramAnswer>(query, ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            await HistogramOutput.WriteAsync(answer.Histogram, parse.GetValue(format), target);
            return 0;
        });
        return command;
    }
}
