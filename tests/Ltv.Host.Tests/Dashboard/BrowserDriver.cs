using System.Diagnostics;
using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Dashboard;

/// <summary>
/// Runs tests/dashboard/drive.mjs (playwright-core driving Debian's Chromium) and hands back what it saw. Both must
/// be installed; bash .ci/run installs them (apt-get install chromium; npm ci --prefix tests/dashboard).
/// </summary>
public static class BrowserDriver
{
    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<JsonElement> RunAsync(object config)
    {
        var folder = FixturePaths.InRepository("tests", "dashboard");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException($"playwright-core is not installed: run `npm ci --prefix {folder}` (bash .ci/run does).");
        }

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"No Chromium at {Chromium}: run `apt-get install chromium` (bash .ci/run does), or set CHROMIUM.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add("drive.mjs");
        start.ArgumentList.Add(JsonSerializer.Serialize(config));
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"drive.mjs did not finish within 120 s: {await error}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        node.ExitCode.ShouldBe(0, $"drive.mjs failed: {await error}");
        lines.ShouldNotBeEmpty($"drive.mjs printed nothing: {await error}");
        using var seen = JsonDocument.Parse(lines[^1]);
        return seen.RootElement.Clone();
    }
}
