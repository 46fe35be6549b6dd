using System.Globalization;

namespace Ltv.Domain.Clv;

/// <summary>
/// Whether a summary holds enough to fit the models, and what to be wary of in a fit that was made. Problems stop the
/// fit (its numbers would mean nothing); warnings go with the numbers.
/// </summary>
public sealed record DataSufficiency(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    /// <summary>Below this the four BG/NBD parameters are not identified in any useful sense.</summary>
    public const int MinimumCustomers = 100;

    /// <summary>Repeat buyers are what separates the buying rate from dropout, and all the spend model sees.</summary>
    public const int MinimumRepeaters = 20;

    /// <summary>Below these the fit runs, with a warning that its estimates are loose.</summary>
    public const int ComfortableCustomers = 500;

    public const int ComfortableRepeaters = 100;

    /// <summary>The Gamma-Gamma model assumes spend independent of frequency; a stronger correlation than this is flagged.</summary>
    public const double MaximumSpendFrequencyCorrelation = 0.3;

    public bool Sufficient => Problems.Count == 0;

    /// <summary>The checks that come before a fit: enough customers and repeat customers.</summary>
    public static DataSufficiency Check(RfmSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var problems = new List<string>();
        var warnings = new List<string>();
        var customers = summary.Customers.Count;
        var repeaters = summary.Repeaters;
        var end = summary.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (customers < MinimumCustomers)
        {
            problems.Add(Invariant($"only {customers} customers bought by {end}; the models need at least {MinimumCustomers}"));
        }

        if (repeaters < MinimumRepeaters)
        {
            problems.Add(Invariant($"only {repeaters} customers bought again by {end}; the models need at least {MinimumRepeaters} repeat customers"));
        }

        if (problems.Count == 0 && (customers < ComfortableCustomers || repeaters < ComfortableRepeaters))
        {
            warnings.Add(Invariant($"{customers} customers and {repeaters} repeat customers: the estimates are loose (over {ComfortableCustomers} and {ComfortableRepeaters} is comfortable)"));
        }

        if (problems.Count == 0 && SpendFrequencyCorrelation(summary.Customers) is { } r && Math.Abs(r) > MaximumSpendFrequencyCorrelation)
        {
            warnings.Add(Invariant($"spend per order and frequency correlate (r = {r:F2}) among repeat customers; the Gamma-Gamma model assumes they do not"));
        }

        return new DataSufficiency(problems, warnings);
    }

    /// <summary>These checks plus what the fitted parameters say about themselves.</summary>
    public DataSufficiency After(BgNbdFit bgNbd, GammaGammaFit? gammaGamma)
    {
        ArgumentNullException.ThrowIfNull(bgNbd);
        var warnings = new List<string>(Warnings);
        if (!bgNbd.Converged)
        {
            warnings.Add("the BG/NBD fit did not converge; its parameters are not the maximum-likelihood estimates");
        }

        if (gammaGamma is null)
        {
            warnings.Add(Invariant($"fewer than {MinimumRepeaters} repeat customers spent more than 0: no spend model, so no spend or CLV is predicted"));
        }

        if (gammaGamma is { Converged: false })
        {
            warnings.Add("the Gamma-Gamma fit did not converge; its parameters are not the maximum-likelihood estimates");
        }

        if (gammaGamma is { Parameters.Q: <= 1 })
        {
            warnings.Add("the Gamma-Gamma q is 1 or less: the mean spend is infinite, so no spend or CLV is predicted");
        }

        return this with { Warnings = warnings };
    }

    /// <summary>Pearson's r between frequency and mean spend over the repeat customers; null when undefined.</summary>
    public static double? SpendFrequencyCorrelation(IEnumerable<CustomerRfm> customers)
    {
        var pairs = customers.Where(c => c.IsRepeater).Select(c => (X: (double)c.Frequency, Y: (double)c.MonetaryValue)).ToArray();
        if (pairs.Length < 3)
        {
            return null;
        }

        var (meanX, meanY) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        var covariance = pairs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var spread = Math.Sqrt(pairs.Sum(p => (p.X - meanX) * (p.X - meanX)) * pairs.Sum(p => (p.Y - meanY) * (p.Y - meanY)));
        return spread > 0 ? covariance / spread : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
