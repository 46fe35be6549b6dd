using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ltv.Domain.Clv;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;
using Spectre.Console;
using static Ltv.Host.Cli.Commands.ClvCommand;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv clv top X</c>: customers by predicted CLV, with P(alive), expected orders and Simple LTV beside it.</summary>
public static class ClvTopCommand
{
    public static Command Create()
    {
        var x = new Argument<int>("x") { Description = "How many customers.", CustomParser = r => CommonOptions.Count(r, "X") };
        var horizon = ClvArguments.HorizonMonths();
        var discount = ClvArguments.Discount();
        var calibrationEnd = ClvArguments.CalibrationEnd();
        var unit = ClvArguments.Unit();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("top", "The top X customers by predicted CLV over the horizon.") { x, horizon, discount, calibrationEnd, unit, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var settings = ClvArguments.Horizon(parse.GetValue(horizon), parse.GetValue(discount));
            var end = DayText.ParseOptional(parse.GetValue(calibrationEnd), "--calibration-end");
            var timeUnit = ClvArguments.TimeUnit(parse.GetValue(unit));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var model = (await FitAsync(app, end, timeUnit, ct)).Model;
            if (!model.PredictsSpend)
            {
                throw new UserError("No usable spend model (too few repeat customers with spend, or q <= 1), so no CLV to rank by: see 'ltv clv fit'.");
            }

            var top = model.PredictAll(settings).Take(parse.GetValue(x)).ToList();
            var simple = await app.Get<SimpleLtvQuery>().ExecuteAsync([.. top.Select(p => p.Customer.CustomerId)], app.Options.Ltv, ct);
            decimal? Simple(CustomerPrediction p) => simple.TryGetValue(p.Customer.CustomerId, out var v) ? v : null;
            await using var target = OutputTarget.Open(parse.GetValue(output));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    var json = new { context = ClvPredictionOutput.Context(model, settings, app.Options.Ltv), customers = top.Select(p => ClvPredictionOutput.Row(p, Simple(p))) };
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(json, JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvHeader));
                    foreach (var p in top)
                    {
                        await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvRow(p, Simple(p))));
                    }

                    break;
                default:
                    WriteTable(model, settings, app.Options.Ltv, top, Simple, target.Console);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(
        ClvModel model, ClvHorizon horizon, Domain.Lifetime.LtvSettings simpleLtv, List<CustomerPrediction> top, Func<CustomerPrediction, decimal?> simple, IAnsiConsole console)
    {
        console.WriteLine(ClvPredictionOutput.Heading($"Top {top.Count} customers by predicted CLV", model, horizon, simpleLtv));
        var months = horizon.Months.ToString(CultureInfo.InvariantCulture);
        var table = new Table().AddColumns(
            "#", "Customer", "Repeats", "P(alive)", $"Exp. orders {months} mo", "Exp. USD/order", $"CLV {months} mo USD", "Simple LTV USD");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        var rank = 0;
        foreach (var p in top)
        {
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Customer.CustomerId), p.Customer.Frequency.ToString(CultureInfo.InvariantCulture),
                Fixed(p.ProbabilityAlive, 3), Fixed(p.ExpectedOrders, 2), ClvPredictionOutput.MoneyText(p.ExpectedSpendPerOrder),
                ClvPredictionOutput.MoneyText(p.Clv), simple(p) is { } v ? Numbers.MoneyText(v) : "");
        }

        console.Write(table);
    }
}
