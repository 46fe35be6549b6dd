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

    /// <summary>Fits the models to the store's orders; a user error when there are none or too few to fit.</summary>
    public static async Task<ClvAnswer> FitAsync(LtvApp app, DateOnly? calibrationEnd, ClvTimeUnit unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        var answer = await app.Get<ClvQuery>().FitAsync(calibrationEnd, unit, ct);
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
