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

/// <summary><c>ltv clv customer ID</c>: one customer's summary and predictions.</summary>
public static class ClvCustomerCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The customer id." };
        var horizon = ClvArguments.HorizonMonths();
        var discount = ClvArguments.Discount();
        var calibrationEnd = ClvArguments.CalibrationEnd();
        var unit = ClvArguments.Unit();
        var format = CommonOptions.Format();
        var command = new Command("customer", "One customer's purchase summary, P(alive), expected orders, spend and CLV.")
        {
            id, horizon, discount, calibrationEnd, unit, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = ClvArguments.Horizon(parse.GetValue(horizon), parse.GetValue(discount));
            var end = DayText.ParseOptional(parse.GetValue(calibrationEnd), "--calibration-end");
            var timeUnit = ClvArguments.TimeUnit(parse.GetValue(unit));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var model = (await FitAsync(app, end, timeUnit, ct)).Model;
            var customerId = parse.GetValue(id)!;
            var customer = model.Summary.Customers.FirstOrDefault(c => c.CustomerId == customerId)
                ?? throw new UserError($"Customer '{customerId}' has no order on or before {Day(model.Summary.CalibrationEnd)}: the models predict nothing for them.");
            var prediction = model.Predict(customer, settings);
            var simple = (await app.Get<SimpleLtvQuery>().ExecuteAsync([customerId], app.Options.Ltv, ct)).GetValueOrDefault(customerId);
            await using var target = OutputTarget.Open(null);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    var json = new { context = ClvPredictionOutput.Context(model, settings, app.Options.Ltv), customer = ClvPredictionOutput.Row(prediction, simple) };
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(json, JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvHeader));
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvRow(prediction, simple)));
                    break;
                default:
                    Write(model, prediction, simple, app.Options.Ltv, target.Console);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static void Write(ClvModel model, CustomerPrediction p, decimal simple, Domain.Lifetime.LtvSettings simpleLtv, IAnsiConsole console)
    {
        var unit = ClvTimeUnits.Name(model.Summary.Unit);
        var months = p.Horizon.Months.ToString(CultureInfo.InvariantCulture);
        console.WriteLine(ClvPredictionOutput.Heading($"Customer {p.Customer.CustomerId}", model, p.Horizon, simpleLtv));
        var table = new Table().HideHeaders().NoBorder().AddColumns("figure", "value");
        table.Columns[1].RightAligned();
        var c = p.Customer;
        table.AddRow("First purchase", Day(c.FirstPurchase));
        table.AddRow("Repeat purchase days (frequency)", c.Frequency.ToString(CultureInfo.InvariantCulture));
        table.AddRow($"Recency ({unit}s, first to last purchase)", Fixed(c.Recency, 2));
        table.AddRow($"T ({unit}s, first purchase to calibration end)", Fixed(c.T, 2));
        table.AddRow("Mean repeat purchase day (USD)", c.IsRepeater ? Numbers.MoneyText(c.MonetaryValue) : "(no repeats)");
        table.AddRow("P(alive) at calibration end", Fixed(p.ProbabilityAlive, 3));
        table.AddRow($"Expected orders in {months} months", Fixed(p.ExpectedOrders, 3));
        table.AddRow("Expected spend per order (USD)", ClvPredictionOutput.MoneyText(p.ExpectedSpendPerOrder));
        table.AddRow($"CLV over {months} months (USD, discounted)", ClvPredictionOutput.MoneyText(p.Clv));
        table.AddRow("Simple LTV (USD)", Numbers.MoneyText(simple));
        console.Write(table);
    }
}
