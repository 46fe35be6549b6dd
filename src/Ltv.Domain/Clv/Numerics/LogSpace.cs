namespace Ltv.Domain.Clv.Numerics;

/// <summary>Sums and ratios of probabilities kept as logarithms, so tiny likelihoods never underflow to zero.</summary>
public static class LogSpace
{
    /// <summary>log(exp(x) + exp(y)) without overflow or underflow.</summary>
    public static double Add(double x, double y)
    {
        if (double.IsNegativeInfinity(x))
        {
            return y;
        }

        if (double.IsNegativeInfinity(y))
        {
            return x;
        }

        var max = Math.Max(x, y);
        return max + Math.Log(1 + Math.Exp(-Math.Abs(x - y)));
    }

    /// <summary>1 / (1 + exp(x)), exact in both tails.</summary>
    public static double InverseOnePlusExp(double x) =>
        x > 0 ? Math.Exp(-x) / (1 + Math.Exp(-x)) : 1 / (1 + Math.Exp(x));
}
