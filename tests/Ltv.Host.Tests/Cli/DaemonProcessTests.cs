using System.Runtime.InteropServices;
using System.Text.Json;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

public sealed class DaemonProcessTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [Fact]
    public async Task the_daemon_keeps_the_ranking_up_to_date_and_stops_cleanly_on_sigterm()
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0, "the schema exists before the daemon starts");
        using var daemon = ltv.Start("daemon");
        try
        {
            (await daemon.StandardError.ReadLineAsync()).ShouldNotBeNull().ShouldStartWith("ltv daemon: running");
            await IngestAndStop(ltv, daemon);
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
            }
        }
    }

    private static async Task IngestAndStop(LtvProcess ltv, System.Diagnostics.Process daemon)
    {
        var stderr = daemon.StandardError.ReadToEndAsync();

        // Ingest without catching up (the daemon must do it): write events through a second process...
        var events = Path.Combine(Path.GetTempPath(), $"ltv-daemon-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(events, Host.Generation.SyntheticEvents.Generate(new(Customers: 30, Seed: 4)));
        await ltv.RunAsync("ingest", events);

        // ...then watch the status until the daemon has applied everything.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        long lag;
        do
        {
            using var status = JsonDocument.Parse((await ltv.RunAsync("status", "--format", "json")).Output);
            lag = status.RootElement.GetProperty("projections").EnumerateArray().Sum(p => p.GetProperty("lag").GetInt64());
        }
        while (lag > 0 && DateTimeOffset.UtcNow < deadline);

        kill(daemon.Id, 15).ShouldBe(0);
        await daemon.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        lag.ShouldBe(0);
        daemon.ExitCode.ShouldBe(143);
        (await stderr).ShouldContain("ltv daemon: stopped.");
    }
}
