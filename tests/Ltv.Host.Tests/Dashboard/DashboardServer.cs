using System.Diagnostics;
using Ltv.Host.Api;
using Ltv.Testing;

namespace Ltv.Host.Tests.Dashboard;

/// <summary>
/// `ltv serve` as a user starts it: the real executable on 127.0.0.1 with a port the system picks, an API key,
/// and a schema of its own in the test database. Killed on dispose.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly Process _process;

    private DashboardServer(Process process, Uri address, string apiKey)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        Client.DefaultRequestHeaders.Add(ApiKeyFilter.Header, apiKey);
    }

    public Uri Address { get; }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    public static async Task<DashboardServer> StartAsync(string connection, string apiKey)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = FixturePaths.RepositoryRoot,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ltv.dll"), "serve", "--urls", "http://127.0.0.1:0", "--connection", connection })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("LTV_CONNECTION");
        start.Environment["LTV_SCHEMA"] = "dash_" + Guid.NewGuid().ToString("N")[..12];
        start.Environment["LTV_API_KEY"] = apiKey;
        var process = Process.Start(start)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            return new DashboardServer(process, await ListeningAsync(process), apiKey);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The address from the host's "Now listening on:" log line.</summary>
    private static async Task<Uri> ListeningAsync(Process serve)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        const string Marker = "Now listening on: ";
        while (await serve.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(Marker, StringComparison.Ordinal))
            {
                _ = serve.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining the log
                return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim());
            }
        }

        throw new InvalidOperationException("ltv serve ended before listening.");
    }
}
