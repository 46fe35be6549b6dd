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

/// <summary><c>ltv clv validate</c>: sends <see cref="ValidateClv"/>, as GET /api/clv/validate does: fit on a calibration period, compare predicted and actual repeat orders after it.</summary>
public static class ClvValidateCommand
{
    public static Command Create()
    {
        var calibrationEnd = ClvArguments.CalibrationEnd(
            "Required: last day (UTC, yyyy-mm-dd, inclusive) of the calibration period; the holdout starts the day after.");
        var holdoutEnd = ClvArguments.HoldoutEnd();
        var unit = ClvArguments.Unit();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var command = new Command("validate", "Holdout validation: predicted against actual repeat orders after the calibration end.")
        {
            calibrationEnd, holdoutEnd, unit, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var end = ClvArguments.RequiredDay(parse.GetValue(calibrationEnd), "--calibration-end");
            var holdout = DayText.ParseOptional(parse.GetValue(holdoutEnd), "--holdout-end");
            var timeUnit = ClvArguments.TimeUnit(parse.GetValue(unit));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var answer = await app.Bus.InvokeAsync<ClvValidationAnswer>(new ValidateClv(new FitClv(end, timeUnit), holdout), ct);
            var validation = answer.Validation;
            await using var target = OutputTarget.Open(parse.GetValue(output));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    await target.Writer.WriteLineAsync(JsonSerializer.Serialize(ClvValidationResponse.From(validation, answer.Unit), JsonOutput.Options));
                    break;
                case OutputFormat.Csv:
                    await target.Writer.WriteLineAsync(Csv.Line("customerId", "calibrationFrequency", "predictedOrders", "actualOrders", "error"));
                    foreach (var c in validation.Customers)
                    {
                        await target.Writer.WriteLineAsync(Csv.Line(
                            c.CustomerId, c.CalibrationFrequency.ToString(CultureInfo.InvariantCulture), Fixed(c.PredictedOrders, 6),
                            c.ActualOrders.ToString(CultureInfo.InvariantCulture), Fixed(c.Error, 6)));
                    }

                    break;
                default:
                    Write(validation, answer.Unit, target.Console);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static void Write(HoldoutValidation v, ClvTimeUnit unit, IAnsiConsole console)
    {
        console.WriteLine(
            $"Holdout {Day(v.CalibrationEnd.AddDays(1))} to {Day(v.HoldoutEnd)} ({Fixed(v.HoldoutLength, 2)} {ClvTimeUnits.Name(unit)}s), " +
            $"{Numbers.Count(v.Customers.Count)} customers of the calibration period; orders = repeat purchase days");
        console.WriteLine(
            $"Predicted {Fixed(v.TotalPredictedOrders, 1)} orders, actual {Numbers.Count(v.TotalActualOrders)}; " +
            $"per customer: mean absolute error {Fixed(v.MeanAbsoluteError, 3)}, RMSE {Fixed(v.RootMeanSquaredError, 3)}");
        var table = new Table().AddColumns("Calibration repeats", "Customers", "Mean predicted", "Mean actual");
        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        foreach (var g in v.ByFrequency)
        {
            table.AddRow(g.Frequency, Numbers.Count(g.Customers), Fixed(g.MeanPredictedOrders, 3), Fixed(g.MeanActualOrders, 3));
        }

        console.Write(table);
    }
}
