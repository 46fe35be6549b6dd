using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Ltv.Host.Benchmark;

/// <summary>
/// Runs <c>ltv ingest FILE</c> as a separate process, exactly as a user would, and reports the most memory it
/// held: its peak working set (VmHWM on Linux, sampled until it exits). Measuring a child keeps the benchmark's own
/// memory (the generator, the samples) out of the figure.
/// </summary>
internal static class ChildIngest
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the peak working set in bytes.</summary>
    public static async Task<long> RunAsync(string connectionString, string schema, string path, CancellationToken ct)
    {
        var start = StartInfo(["ingest", path, "--format", "json"]);
        start.Environment["LTV_CONNECTION"] = connectionString;
        start.Environment["LTV_SCHEMA"] = schema;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ltv ingest.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);

        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakOf(process));
            await Task.WhenAny(process.WaitForExitAsync(ct), Task.Delay(SampleInterval, ct));
        }

        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ltv ingest exited with {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
        }

        return peak;
    }

    // The same executable: `ltv` itself, or `dotnet ltv.dll` when run through the dotnet host.
    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown executable path.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    // VmHWM is the kernel's own high-water mark of the resident set, so no peak is missed between two samples.
    private static long PeakOf(Process process)
    {
        try
        {
            var status = $"/proc/{process.Id}/status";
            if (File.Exists(status))
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }

            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The process has just exited: the previous sample stands.
            return 0;
        }
    }
}
