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

/// <summary><c>ltv clv top X</c>: sends <see cref="GetClvTop"/>, as GET /api/clv/top does (no limit on X here).</summary>
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
            var answer = await app.Bus.InvokeAsync<ClvPredictions>(new GetClvTop(parse.GetValue(x), settings, new FitClv(end, timeUnit)), ct);
            await using var target = OutputTarget.Open(parse.GetValue(output));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(ClvTopResponse.From(answer), JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvHeader));
                    foreach (var p in answer.Customers)
                    {
                        await target.Writer.WriteLineAsync(Csv.Line(ClvPredictionOutput.CsvRow(p, answer.SimpleLtvOf(p))));
                    }

                    break;
                default:
                    WriteTable(answer, target.Console);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(ClvPredictions answer, IAnsiConsole console)
    {
        var (horizon, top) = (answer.Horizon, answer.Customers);
        console.WriteLine(ClvPredictionOutput.Heading($"Top {top.Count} customers by predicted CLV", answer.Model, horizon, answer.SimpleLtv));
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
                ClvPredictionOutput.MoneyText(p.Clv), answer.SimpleLtvOf(p) is { } v ? Numbers.MoneyText(v) : "");
        }

        console.Write(table);
    }
}
