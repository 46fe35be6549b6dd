using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ltv.Domain.Clv;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Spectre.Console;
using Wolverine;
using static Ltv.Host.Clv.ClvCommand;

namespace Ltv.Host.Clv;

/// <summary><c>ltv clv customer ID</c>: sends <see cref="GetClvCustomer"/>, as GET /api/clv/customers/{id} does.</summary>
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
            var query = new GetClvCustomer(parse.GetValue(id)!, settings, new FitClv(end, timeUnit));
            var answer = await app.Bus.InvokeAsync<ClvPredictions>(query, ct);
            var prediction = answer.Customers.SingleOrDefault() ?? throw new UserError(query.NotFound(answer.Model.Summary.CalibrationEnd));
            var simple = answer.SimpleLtvOf(prediction);
            await using var target = OutputTarget.Open(null);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(ClvCustomerAnswer.From(answer), JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvHeader));
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvRow(prediction, simple)));
                    break;
                default:
                    Write(answer.Model, prediction, simple, answer.SimpleLtv, target.Console);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static void Write(ClvModel model, CustomerPrediction p, decimal? simple, Domain.Lifetime.LtvSettings simpleLtv, IAnsiConsole console)
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
        table.AddRow("Simple LTV (USD)", simple is { } v ? Numbers.MoneyText(v) : "");
        console.Write(table);
    }
}
