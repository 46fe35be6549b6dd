using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ltv.Host.Api;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Api;

/// <summary>`ltv serve` as a user runs it: a real process, its daemon keeping the ranking up to date, SIGTERM to stop.</summary>
public sealed class ServeProcessTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [Fact]
    public async Task serve_answers_like_the_cli_with_its_daemon_catching_up_and_stops_on_sigterm()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        using var serve = ltv.Start("serve", "--urls", "http://127.0.0.1:0");
        try
        {
            var stderr = serve.StandardError.ReadToEndAsync();
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var client = new HttpClient { BaseAddress = await ListeningAsync(serve, log) };

            var summary = await client.PostJsonAsync("/api/events", ApiServer.Body(await File.ReadAllBytesAsync(IngestedApiServer.File), EventsBody.Json));
            var top = await CaughtUpTopAsync(client, log);

            summary.Long("accepted").ShouldBeGreaterThan(0);
            var cli = new LtvProcess(app.Database.ConnectionString); // a schema of its own, filled by `ltv ingest`
            (await cli.RunAsync("ingest", IngestedApiServer.File)).ExitCode.ShouldBe(0);
            top.ShouldBeSameJson((await cli.RunAsync("top", "10", "--format", "json")).Output);
            kill(serve.Id, 15).ShouldBe(0);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);
            serve.ExitCode.ShouldBe(143);
            (await stderr).ShouldStartWith("ltv serve: database --connection");
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill();
            }
        }
    }

    /// <summary>The address from the host's "Now listening on:" log line (the port is chosen by the system).</summary>
    private static async Task<Uri> ListeningAsync(Process serve, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        const string Marker = "Now listening on: ";
        while (await serve.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(Marker, StringComparison.Ordinal))
            {
                _ = KeepAsync(serve.StandardOutput, log); // keep draining the log, for a failure to show
                return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim());
            }
        }

        throw new InvalidOperationException("ltv serve ended before listening.");
    }

    /// <summary>Top 10 once the daemon inside the server has applied every event (its lag header is 0).</summary>
    private static async Task KeepAsync(StreamReader output, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            log.Enqueue(line);
        }
    }

    private static async Task<System.Text.Json.JsonElement> CaughtUpTopAsync(HttpClient client, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/api/customers/top?x=10", UriKind.Relative), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                await Task.Delay(500, timeout.Token); // the server writes its log line after the answer
                response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(timeout.Token) + "\nserver log:\n" + string.Join('\n', log));
            }

            var lag = long.Parse(response.Headers.GetValues(ApiHeaders.ProjectionLag).Single(), CultureInfo.InvariantCulture);
            if (lag == 0)
            {
                return await response.ReadAsync();
            }

            await Task.Delay(20, timeout.Token); // polling a condition, not waiting a fixed time
        }
    }
}
