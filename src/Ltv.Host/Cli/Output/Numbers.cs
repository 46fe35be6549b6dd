using System.Globalization;

namespace Ltv.Host.Cli.Output;

/// <summary>How numbers look in every output: invariant culture, money with 2 decimals.</summary>
public static class Numbers
{
    /// <summary>A decimal with exactly 2 decimals (rounded half away from zero), so JSON writes "12.30".</summary>
    public static decimal Money(decimal value) =>
        decimal.Parse(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string MoneyText(decimal value) => Money(value).ToString("F2", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) ?? "";
}
