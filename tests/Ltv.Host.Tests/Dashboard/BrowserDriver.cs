using System.Diagnostics;
using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Dashboard;

/// <summary>
/// Runs tests/dashboard/drive.mjs (playwright-core driving Debian's Chromium) and hands back what it saw. What it
/// needs is installed on first use, so that a plain `dotnet test` works on a fresh clone: `npm ci` from the
/// lock file, and Debian's chromium package when running as root (otherwise a message says what to install).
/// </summary>
public static class BrowserDriver
{
    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<JsonElement> RunAsync(object config)
    {
        var folder = FixturePaths.InRepository("tests", "dashboard");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")))
        {
            await InstallAsync("npm", $"npm ci --prefix {folder}", "ci", "--no-audit", "--no-fund", "--prefix", folder);
        }

        if (!File.Exists(Chromium))
        {
            if (Environment.UserName != "root")
            {
                throw new InvalidOperationException($"No Chromium at {Chromium}: run `sudo apt-get install chromium` (bash .ci/run does), or set CHROMIUM.");
            }

            await InstallAsync("apt-get", "apt-get update", "update", "-qq");
            await InstallAsync("apt-get", "apt-get install chromium", "install", "-y", "-qq", "chromium");
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

    private static async Task InstallAsync(string program, string what, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token);
        process.ExitCode.ShouldBe(0, $"`{what}` failed: {await error}{await output}");
    }
}
