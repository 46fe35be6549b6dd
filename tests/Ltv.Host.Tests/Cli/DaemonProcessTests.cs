using System.Runtime.InteropServices;
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
        var lines = Host.Generation.SyntheticEvents.Generate(new(Customers: 30, Seed: 4)).ToList();
        await IngestAsync(ltv, lines[..(lines.Count / 2)]);
        (await ltv.LagAsync()).ShouldBeGreaterThan(0, "nothing but the daemon catches the read models up");

        using var daemon = ltv.Start("daemon");
        try
        {
            (await daemon.StandardError.ReadLineAsync()).ShouldNotBeNull().ShouldStartWith("ltv daemon: running");
            var stderr = daemon.StandardError.ReadToEndAsync();
            (await LagOnceSettledAsync(ltv)).ShouldBe(0, "the daemon applies what was there when it started");

            await IngestAsync(ltv, lines[(lines.Count / 2)..]);
            (await LagOnceSettledAsync(ltv)).ShouldBe(0, "the daemon applies what arrives while it runs");

            kill(daemon.Id, 15).ShouldBe(0);
            await daemon.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            daemon.ExitCode.ShouldBe(143);
            (await stderr).ShouldContain("ltv daemon: stopped.");
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
            }
        }
    }

    private async Task IngestAsync(LtvProcess ltv, IEnumerable<string> lines)
    {
        var events = Path.Combine(Path.GetTempPath(), $"ltv-daemon-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(events, lines);
        try
        {
            await IngestWithoutCatchingUp.RunAsync(app.Database.ConnectionString, ltv.Schema, events);
        }
        finally
        {
            File.Delete(events);
        }
    }

    /// <summary>Watches the status until the lag is zero, or a minute has passed; returns the last lag seen.</summary>
    private static async Task<long> LagOnceSettledAsync(LtvProcess ltv)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        long lag;
        while ((lag = await ltv.LagAsync()) > 0 && DateTimeOffset.UtcNow < deadline)
        {
        }

        return lag;
    }
}
