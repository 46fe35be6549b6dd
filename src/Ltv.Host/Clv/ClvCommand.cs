using System.CommandLine;
using System.Globalization;

namespace Ltv.Host.Clv;

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

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
