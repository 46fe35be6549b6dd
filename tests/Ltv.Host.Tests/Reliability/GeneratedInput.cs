using System.Globalization;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Synthetic input made by the real <c>ltv generate</c>: shuffled, with duplicates and bad records. The sizes grow
/// with LTV_SOAK=1 for a longer run than CI affords.
/// </summary>
public static class GeneratedInput
{
    public static bool Soak { get; } = Environment.GetEnvironmentVariable("LTV_SOAK") is "1" or "true";

    public static async Task<string> GenerateAsync(LtvProcess ltv, int customers, int seed, double bad = 0.02)
    {
        var path = TempPath($"generated-{seed}.ndjson");
        var result = await ltv.RunAsync(
            "generate", "--customers", $"{customers}", "--seed", $"{seed}", "--shuffle", "--duplicates", "0.05",
            "--bad", bad.ToString(CultureInfo.InvariantCulture), "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        return path;
    }

    /// <summary>
    /// <paramref name="files"/> files of which file i holds the lines from i/n to i/n + 1/2 of <paramref name="lines"/>
    /// (wrapping), shuffled with seed i: every line is in two files, in an order of each file's own.
    /// </summary>
    public static IReadOnlyList<string> Overlapping(string[] lines, int files)
    {
        var paths = new List<string>();
        for (var i = 0; i < files; i++)
        {
            var start = i * lines.Length / files;
            var part = Enumerable.Range(start, lines.Length / 2).Select(n => lines[n % lines.Length]).ToArray();
            new Random(i).Shuffle(part);
            var path = TempPath($"overlapping-{i}.ndjson");
            File.WriteAllLines(path, part);
            paths.Add(path);
        }

        return paths;
    }

    public static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"ltv-reliability-{Guid.NewGuid():N}-{name}");
}
