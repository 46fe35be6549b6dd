using System.CommandLine;
using System.Text.Json;
using Ltv.Domain.Clv;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Clv;
using Spectre.Console;
using Wolverine;
using static Ltv.Host.Clv.ClvCommand;

namespace Ltv.Host.Clv;

/// <summary><c>ltv clv fit</c>: sends <see cref="FitClv"/>, as GET /api/clv/fit does: the fitted parameters, log-likelihoods and data sufficiency.</summary>
public static class ClvFitCommand
{
    public static Command Create()
    {
        var calibrationEnd = ClvArguments.CalibrationEnd();
        var unit = ClvArguments.Unit();
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("fit", "Fit BG/NBD and Gamma-Gamma to the orders and print their parameters.") { calibrationEnd, unit, format };
        command.SetAction(async (parse, ct) =>
        {
            var end = DayText.ParseOptional(parse.GetValue(calibrationEnd), "--calibration-end");
            var timeUnit = ClvArguments.TimeUnit(parse.GetValue(unit));
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var model = (await app.Bus.InvokeAsync<ClvAnswer>(new FitClv(end, timeUnit), ct)).Model;
            await using var target = OutputTarget.Open(null);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(ClvFitResponse.From(model), JsonOutput.Options));
            }
            else
            {
                Write(model, target.Console);
            }

            return 0;
        });
        return command;
    }

    private static void Write(ClvModel m, IAnsiConsole console)
    {
        var s = m.Summary;
        var unit = ClvTimeUnits.Name(s.Unit);
        var bg = m.BgNbd!.Parameters;
        console.WriteLine($"CLV models fitted on {Numbers.Count(s.Customers.Count)} customers ({Numbers.Count(s.Repeaters)} with repeat purchases); calibration end {Day(s.CalibrationEnd)}; time unit: {unit}");
        var table = new Table().AddColumns("Model", "Parameter", "Estimate", "Meaning");
        table.Columns[2].RightAligned();
        table.AddRow("BG/NBD", "r", Fixed(bg.R, 4), "shape of the purchase-rate distribution across customers");
        table.AddRow("", "alpha", Fixed(bg.Alpha, 4), Markup.Escape($"its scale, in {unit}s: mean rate r/alpha = {Fixed(bg.R / bg.Alpha, 4)} purchases per {unit} while alive"));
        table.AddRow("", "a", Fixed(bg.A, 4), Markup.Escape($"dropout after a purchase ~ Beta(a, b): mean a/(a+b) = {Fixed(bg.A / (bg.A + bg.B), 3)}"));
        table.AddRow("", "b", Fixed(bg.B, 4), "");
        table.AddRow("", "log-likelihood", Fixed(m.BgNbd.LogLikelihood, 2), m.BgNbd.Converged ? "" : "[red]did not converge[/]");
        if (m.GammaGamma is { } gg)
        {
            var mean = double.IsFinite(gg.Parameters.PopulationMeanSpend) ? $"{Fixed(gg.Parameters.PopulationMeanSpend, 2)} USD" : "infinite (q <= 1)";
            table.AddRow("Gamma-Gamma", "p", Fixed(gg.Parameters.P, 4), Markup.Escape($"fitted on {gg.Customers} repeat customers' mean spend per order"));
            table.AddRow("", "q", Fixed(gg.Parameters.Q, 4), Markup.Escape($"mean spend per order p*gamma/(q-1) = {mean}"));
            table.AddRow("", "gamma", Fixed(gg.Parameters.Gamma, 4), "");
            table.AddRow("", "log-likelihood", Fixed(gg.LogLikelihood, 2), gg.Converged ? "" : "[red]did not converge[/]");
        }

        console.Write(table);
        console.WriteLine(m.Sufficiency.Warnings.Count == 0
            ? "Data: sufficient, no warnings."
            : "Data: sufficient, with warnings:");
        foreach (var warning in m.Sufficiency.Warnings)
        {
            console.WriteLine("  - " + warning);
        }
    }
}
