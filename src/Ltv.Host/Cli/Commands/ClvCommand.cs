using System.CommandLine;
using System.Globalization;
using Ltv.Domain.Clv;
using Ltv.Projections.Clv;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv clv ...</c>: predictive CLV from BG/NBD and Gamma-Gamma fitted to the orders in the store.</summary>
public static class ClvCommand
{
    public static Command Create() => new("clv", "Predictive CLV: BG/NBD (purchases, dropout) and Gamma-Gamma (spend) fitted to the orders.")
    {
        ClvFitCommand.Create(),
        ClvTopCommand.Create(),
        ClvCustomerCommand.Create(),
        ClvValidateCommand.Create(),
    };

    public static Option<string?> CalibrationEnd(bool required = false, string? description = null) => DayOption(
        "--calibration-end",
        description ?? "Last day (UTC, yyyy-mm-dd, inclusive) of the purchases the models learn from. Default: the latest purchase day.",
        required);

    /// <summary>A day option, checked to be yyyy-mm-dd when parsed.</summary>
    public static Option<string?> DayOption(string name, string description, bool required = false)
    {
        var option = new Option<string?>(name) { Description = description, Required = required };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ParseDay(text) is null)
            {
                r.AddError($"{name} must be a date like 1997-09-30.");
            }
        });
        return option;
    }

    public static Option<string> Unit()
    {
        var option = new Option<string>("--unit")
        {
            Description = "Time unit of recency, T and alpha: week (the default) or day.",
            DefaultValueFactory = _ => "week",
        };
        option.AcceptOnlyFromAmong("week", "day");
        return option;
    }

    public static Option<int> HorizonMonths()
    {
        var option = new Option<int>("--horizon-months") { Description = "How many months ahead to predict (default 12).", DefaultValueFactory = _ => 12 };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > ClvHorizon.MaximumMonths)
            {
                r.AddError($"--horizon-months must be from 1 to {ClvHorizon.MaximumMonths}.");
            }
        });
        return option;
    }

    public static Option<double> Discount()
    {
        var option = new Option<double>("--discount") { Description = "Monthly discount rate, 0 to below 1 (default 0.01 = 1% a month).", DefaultValueFactory = _ => 0.01 };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or >= 1 or double.NaN)
            {
                r.AddError("--discount must be at least 0 and below 1 (0.01 is 1% a month).");
            }
        });
        return option;
    }

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Fits the models to the store's orders; a user error when there are none or too few to fit.</summary>
    public static async Task<ClvAnswer> FitAsync(LtvApp app, string? calibrationEnd, string unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        var answer = await app.Get<ClvQuery>().FitAsync(ParseDay(calibrationEnd), ClvTimeUnits.Parse(unit) ?? ClvTimeUnit.Week, ct);
        if (answer.LastPurchaseDay is null)
        {
            throw new UserError("No orders in the store: ingest some first (see 'ltv import cdnow' for a reference data set).");
        }

        if (!answer.Model.Sufficiency.Sufficient)
        {
            throw new UserError("Too little data to fit the CLV models: " + string.Join("; ", answer.Model.Sufficiency.Problems) + ".");
        }

        return answer;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
