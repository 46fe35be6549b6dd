using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Synthetic input made by the real <c>ltv generate</c>: shuffled, with duplicates and bad records. The sizes grow
/// with LTV_SOAK=1 for a longer run than CI affords.
/// </summary>
public static class GeneratedInput
{
    public static bool Soak { get; } = Environment.GetEnvironmentVariable("LTV_SOAK") is "1" or "true";

    public static async Task<string> GenerateAsync(LtvProcess ltv, int customers, int seed)
    {
        var path = TempPath($"generated-{seed}.ndjson");
        var result = await ltv.RunAsync(
            "generate", "--customers", $"{customers}", "--seed", $"{seed}", "--shuffle", "--duplicates", "0.05", "--bad", "0.02", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        return path;
    }

    public static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"ltv-reliability-{Guid.NewGuid():N}-{name}");
}
