using System.Globalization;
using System.Runtime.CompilerServices;
using Ltv.Domain.Clv;

namespace Ltv.Domain.Tests.Clv;

/// <summary>
/// The CDNOW sample and its published calibration summary (shared/fixtures/cdnow, see its SOURCES.md), read
/// directly: independent of the product's converter, which the Host tests check end to end.
/// </summary>
internal static class CdnowFixture
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    private static readonly Lazy<string> Folder = new(() => Locate());

    private static readonly Lazy<IReadOnlyList<PurchaseFact>> SampleFacts = new(ReadSample);

    /// <summary>One fact per purchase record; the customer id is the sample id (1..2357) as the summary names it.</summary>
    public static IReadOnlyList<PurchaseFact> Purchases => SampleFacts.Value;

    public static RfmSummary CalibrationSummary(ClvTimeUnit unit = ClvTimeUnit.Week) => RfmSummary.From(Purchases, CalibrationEnd, unit);

    /// <summary>The published rows: id, frequency, recency and T in weeks, to 2 decimals.</summary>
    public static IReadOnlyList<(string Id, int Frequency, double Recency, double T)> PublishedSummary() =>
        File.ReadLines(Path.Combine(Folder.Value, "cdnow_customers_summary.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture), Number(f[2]), Number(f[3])))
            .ToList();

    private static List<PurchaseFact> ReadSample() =>
        File.ReadLines(Path.Combine(Folder.Value, "CDNOW_sample.txt"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new PurchaseFact(
                int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        string[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty];
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "fixtures", "cdnow");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures/cdnow folder above {string.Join(" or ", starts)}.");
    }
}
