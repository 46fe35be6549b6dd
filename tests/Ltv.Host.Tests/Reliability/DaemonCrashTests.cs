using Ltv.Host.Tests.Cli;
using Ltv.Testing;
using Xunit.Abstractions;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// The projection daemon killed with SIGKILL while it applies batches of the async read models resumes where its
/// committed progress says, without applying any event twice or skipping one.
/// </summary>
public sealed class DaemonCrashTests(LtvTestApp app, ITestOutputHelper output) : IClassFixture<LtvTestApp>
{
    public static readonly int KillPoints = GeneratedInput.Soak ? 20 : 4;

    [Fact]
    public async Task a_daemon_killed_mid_batch_resumes_without_counting_any_event_twice()
    {
        var clean = new LtvProcess(app.Database.ConnectionString);
        var file = await GeneratedInput.GenerateAsync(clean, GeneratedInput.Soak ? 20_000 : 2_500, seed: 19);
        try
        {
            (await clean.RunAsync("ingest", file)).ExitCode.ShouldBe(0);
            var expected = await StoreSnapshot.TakeAsync(app.Database.DataSource, clean.Schema);

            // The events go in without the async read models (as `ltv serve` or a second process would leave them).
            // Batches of 250 make a run of the daemon over this log ten commits per read model, so a kill can land between them.
            var ltv = new LtvProcess(app.Database.ConnectionString) { Environment = { ["LTV_DAEMON_BATCH_SIZE"] = "250" } };
            await IngestWithoutCatchingUp.RunAsync(app.Database.ConnectionString, ltv.Schema, file);
            var random = new Random(43);
            var midRun = 0;
            var before = await AppliedAsync(ltv.Schema);
            for (var point = 0; point < KillPoints; point++)
            {
                // The kill waits for the daemon's first committed batch, then a random moment more, so that it lands
                // mid-run however slow the daemon's start is on the server at hand (a container's is slower).
                var killAfter = TimeSpan.FromMilliseconds(random.Next(150));
                await StartThenKillAsync(ltv, before, killAfter);
                var after = await AppliedAsync(ltv.Schema);
                output.WriteLine($"killed {killAfter.TotalMilliseconds:F0} ms after its first commit: {after}");
                midRun += after.LeftBetween(before) ? 1 : 0;
                before = after;
            }

            midRun.ShouldBeGreaterThan(0, "no kill left a projection past where it started and short of the head");
            (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);
            await StoreSnapshot.ShouldBeConsistentAsync(app.Database.DataSource, ltv.Schema, "after the daemon was killed");
            (await StoreSnapshot.TakeAsync(app.Database.DataSource, ltv.Schema)).ShouldMatch(expected, "daemon killed, then caught up");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task StartThenKillAsync(LtvProcess ltv, AppliedEvents before, TimeSpan killAfter)
    {
        using var daemon = ltv.Start("daemon");
        var running = await daemon.StandardError.ReadLineAsync();
        running.ShouldNotBeNull().ShouldStartWith("ltv daemon: running");
        var drained = Task.WhenAll(daemon.StandardOutput.ReadToEndAsync(), daemon.StandardError.ReadToEndAsync());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await AppliedAsync(ltv.Schema)).MovedSince(before) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5);
        }

        await Task.Delay(killAfter);
        daemon.Kill();
        await daemon.WaitForExitAsync();
        await drained;
    }

    /// <summary>Each async read model's committed position, as events applied out of the log.</summary>
    private async Task<AppliedEvents> AppliedAsync(string schema)
    {
        await using var command = app.Database.DataSource.CreateCommand($"""
            select p.name, (select count(*) from "{schema}".mt_events e where e.seq_id <= p.last_seq_id),
                   (select count(*) from "{schema}".mt_events)
            from "{schema}".mt_event_progression p where p.name like '%:All'
            order by p.name
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long events = 0;
        while (await reader.ReadAsync())
        {
            applied[reader.GetString(0)] = reader.GetInt64(1);
            events = reader.GetInt64(2);
        }

        return new AppliedEvents(applied, events);
    }

    private sealed record AppliedEvents(IReadOnlyDictionary<string, long> ByProjection, long Events)
    {
        /// <summary>Whether a projection now stands strictly between where it stood <paramref name="before"/> and the head.</summary>
        public bool LeftBetween(AppliedEvents before) =>
            ByProjection.Any(p => before.ByProjection.GetValueOrDefault(p.Key) < p.Value && p.Value < Events);

        /// <summary>Whether a projection has committed since <paramref name="before"/>, or there is nothing left to apply.</summary>
        public bool MovedSince(AppliedEvents before) =>
            ByProjection.Any(p => before.ByProjection.GetValueOrDefault(p.Key) < p.Value) || (ByProjection.Count > 0 && ByProjection.All(p => p.Value == Events));

        public override string ToString() => string.Join(", ", ByProjection.Select(p => $"{p.Key} {p.Value}/{Events}"));
    }
}
