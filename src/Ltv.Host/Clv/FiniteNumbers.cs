using Ltv.Host.Cli.Output;

namespace Ltv.Host.Clv;

/// <summary>Model outputs as JSON numbers. JSON has no infinity or NaN: a fit that ran off to one shows null instead of failing the answer.</summary>
public static class FiniteNumbers
{
    public static double? Round(double value, int decimals) => double.IsFinite(value) ? Math.Round(value, decimals) : null;

    public static decimal? Money(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < (double)decimal.MaxValue ? Numbers.Money((decimal)v) : null;
}
