using Ltv.Domain.Clv.Numerics;
using static MathNet.Numerics.SpecialFunctions;

namespace Ltv.Domain.Clv;

/// <summary>The BG/NBD likelihood and its per-customer predictions (Fader, Hardie and Lee 2005), all in log space.</summary>
public static class BgNbdModel
{
    /// <summary>
    /// log L(r, alpha, a, b | x, t_x, T) = lnG(r+x) - lnG(r) + r ln alpha + ln B(a, b+x) - ln B(a, b) - (r+x) ln(alpha+T)
    /// + ln(1 + [x &gt; 0] exp(D)), where D is the log of the second term over the first (see <see cref="LogDropoutOdds"/>).
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double t)
    {
        ArgumentNullException.ThrowIfNull(p);
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var common = GammaLn(r + x) - GammaLn(r) + (r * Math.Log(alpha))
            + GammaLn(b + x) + GammaLn(a + b) - GammaLn(b) - GammaLn(a + b + x)
            - ((r + x) * Math.Log(alpha + t));
        return x == 0 ? common : common + LogSpace.Add(0, LogDropoutOdds(p, x, tx, t));
    }

    public static double LogLikelihood(BgNbdParameters p, IEnumerable<CustomerRfm> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return customers.Sum(c => LogLikelihood(p, c.Frequency, c.Recency, c.T));
    }

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0] exp(D)).</summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double tx, double t) =>
        x == 0 ? 1.0 : LogSpace.InverseOnePlusExp(LogDropoutOdds(p, x, tx, t));

    /// <summary>
    /// E[X(t)]: repeat purchases a new customer is expected to make in their first <paramref name="horizon"/> time units,
    /// (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
    /// </summary>
    public static double ExpectedPurchases(BgNbdParameters p, double horizon) => ConditionalExpectedPurchases(p, 0, 0, 0, horizon);

    /// <summary>
    /// E[Y(t) | x, t_x, T]: repeat purchases expected in the next <paramref name="horizon"/> time units after T, given the
    /// history: (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / (1 + [x &gt; 0] exp(D)).
    /// </summary>
    public static double ConditionalExpectedPurchases(BgNbdParameters p, int x, double tx, double t, double horizon)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        if (horizon == 0)
        {
            return 0;
        }

        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        // With z = t / (alpha+T+t), 1 - z is the ratio above. For heavy buyers 2F1(r+x, b+x; ...) overflows a double
        // (it grows like (1-z)^-(r+x)) although its product with the ratio stays small. Euler's transformation
        // 2F1(A, B; C; z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) folds the ratio in: the product is
        // (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose series stays near 1 however large x is.
        var logOneMinusZ = Math.Log(alpha + t) - Math.Log(alpha + t + horizon);
        var hypergeometric = Hypergeometric.Gauss2F1(a + b - 1 - r, a - 1, a + b + x - 1, horizon / (alpha + t + horizon));
        var bracket = -double.ExpM1(((a - 1) * logOneMinusZ) + Math.Log(hypergeometric));
        var numerator = (a + b + x - 1) / (a - 1) * bracket;
        return numerator * ProbabilityAlive(p, x, tx, t);
    }

    /// <summary>
    /// D = ln(a / (b+x-1)) + (r+x) ln((alpha+T) / (alpha+t_x)): the log odds that a customer with x &gt; 0 repeats dropped
    /// out right after the last one, rather than being still alive.
    /// </summary>
    private static double LogDropoutOdds(BgNbdParameters p, int x, double tx, double t) =>
        Math.Log(p.A) - Math.Log(p.B + x - 1) + ((p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + tx)));
}
