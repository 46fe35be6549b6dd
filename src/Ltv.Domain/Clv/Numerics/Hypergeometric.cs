namespace Ltv.Domain.Clv.Numerics;

/// <summary>The Gauss hypergeometric function 2F1, which the BG/NBD conditional expectation needs (MathNet has none).</summary>
public static class Hypergeometric
{
    private const int MaxTerms = 1_000_000;
    private const double RelativeTolerance = 1e-16;

    /// <summary>
    /// 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 by its power series sum_n (a)_n (b)_n / (c)_n z^n / n!, each term got from
    /// the last by the ratio (a+n)(b+n) z / ((c+n)(n+1)). The BG/NBD uses z = t / (alpha + T + t), always in [0, 1),
    /// so the series converges; the closer z is to 1 (horizons much longer than the history), the more terms it takes.
    /// </summary>
    public static double Gauss2F1(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The series is used for 0 <= z < 1 only.");
        }

        if (c <= 0 && Math.Abs(c - Math.Round(c)) < 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "2F1 is undefined for c = 0, -1, -2, ...");
        }

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            // Stop only once terms shrink for good: with c below a and b they grow for a while before falling.
            var shrinking = Math.Abs((a + n + 1) * (b + n + 1) * z) < Math.Abs((c + n + 1) * (n + 2));
            if (shrinking && Math.Abs(term) <= RelativeTolerance * Math.Abs(sum))
            {
                return sum;
            }
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms.");
    }
}
