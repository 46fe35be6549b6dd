using System.Diagnostics;
using System.Text.Json;

namespace Ltv.Host.Tests.Cli;

/// <summary>
/// Runs the real <c>ltv</c> executable (built beside the tests) as a child process, as a user would,
/// against a schema of its own so that tests sharing a database never see each other's data, or against the
/// <paramref name="schema"/> given, to read a store a fixture has filled.
/// </summary>
public sealed class LtvProcess(string connection, string? schema = null)
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public string Schema { get; } = schema ?? "cli_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>More environment variables for every run (LTV_SCHEMA and the connection are set already).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The events the async read models have yet to apply, summed over them, as `ltv status` reports it.</summary>
    public async Task<long> LagAsync()
    {
        var status = await RunAsync("status", "--format", "json");
        using var json = JsonDocument.Parse(status.Output);
        return json.RootElement.GetProperty("projections").EnumerateArray().Sum(p => p.GetProperty("lag").GetInt64());
    }

    /// <summary>Starts ltv and leaves it running (for daemon and serve); the caller reads, signals and waits.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Testing.FixturePaths.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ltv.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--connection");
        start.ArgumentList.Add(connection);
        start.Environment.Remove("LTV_CONNECTION");
        start.Environment["LTV_SCHEMA"] = Schema;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
