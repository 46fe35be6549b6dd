using static MathNet.Numerics.SpecialFunctions;

namespace Ltv.Domain.Clv;

/// <summary>The Gamma-Gamma likelihood of customers' mean spend, and the expected spend per transaction.</summary>
public static class GammaGammaModel
{
    /// <summary>
    /// log f(m | p, q, gamma, x) for a customer with x repeat transactions of mean value m (USD):
    /// lnG(px+q) - lnG(px) - lnG(q) + q ln gamma + (px-1) ln m + px ln x - (px+q) ln(gamma + m x).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters parameters, int x, double meanSpend)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanSpend);
        var (p, q, gamma) = (parameters.P, parameters.Q, parameters.Gamma);
        var px = p * x;
        return GammaLn(px + q) - GammaLn(px) - GammaLn(q) + (q * Math.Log(gamma))
            + ((px - 1) * Math.Log(meanSpend)) + (px * Math.Log(x)) - ((px + q) * Math.Log(gamma + (meanSpend * x)));
    }

    public static double LogLikelihood(GammaGammaParameters parameters, IEnumerable<CustomerRfm> repeaters)
    {
        ArgumentNullException.ThrowIfNull(repeaters);
        return repeaters.Sum(c => LogLikelihood(parameters, c.Frequency, (double)c.MonetaryValue));
    }

    /// <summary>
    /// E[M | p, q, gamma, m, x] = (q - 1)/(px + q - 1) * p gamma/(q - 1) + px/(px + q - 1) * m: a weighted mean of the
    /// population mean and the customer's own mean, the weight on their own growing with x. In USD per transaction;
    /// for x = 0 it is the population mean. Requires q &gt; 1.
    /// </summary>
    public static double ExpectedSpendPerTransaction(GammaGammaParameters parameters, int x, double meanSpend)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (parameters.Q <= 1)
        {
            throw new InvalidOperationException("The Gamma-Gamma mean spend is infinite for q <= 1.");
        }

        var (p, q, gamma) = (parameters.P, parameters.Q, parameters.Gamma);
        return p * (gamma + (x * meanSpend)) / ((p * x) + q - 1);
    }
}
