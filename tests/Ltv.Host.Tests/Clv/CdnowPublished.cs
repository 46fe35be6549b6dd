using System.Globalization;
using Ltv.Testing;

namespace Ltv.Host.Tests.Clv;

/// <summary>The CDNOW fixture files and the published figures for them (shared/fixtures/cdnow/SOURCES.md).</summary>
internal static class CdnowPublished
{
    public const string CalibrationEnd = "1997-09-30";

    public static string Sample => FixturePaths.Fixture("cdnow", "CDNOW_sample.txt");

    /// <summary>The published calibration summary: id to frequency, recency and T (weeks, 2 decimals).</summary>
    public static IReadOnlyDictionary<string, (int Frequency, double Recency, double T)> Summary() =>
        File.ReadLines(FixturePaths.Fixture("cdnow", "cdnow_customers_summary.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(
                f => f[0],
                f => (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));

    public static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"ltv-clv-{Guid.NewGuid():N}.{extension}");
}
