using System.Diagnostics;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;
using Xunit.Abstractions;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// An ingest killed with SIGKILL (no clean-up of any kind) at random points, then run again on the same file, ends in
/// exactly the state of one clean ingest: a crash loses at most the batch in flight, and the re-run restores it. Kills
/// come in pairs: the first interrupts an ingest, the second the ingest that recovers from it.
/// </summary>
public sealed class IngestCrashTests(LtvTestApp app, ITestOutputHelper output) : IClassFixture<LtvTestApp>
{
    public static readonly int KillPoints = GeneratedInput.Soak ? 50 : 10;

    private static readonly int Customers = GeneratedInput.Soak ? 10_000 : 1_500;

    [Fact]
    public async Task an_ingest_killed_at_random_points_and_run_again_gives_exactly_the_state_of_one_clean_ingest()
    {
        var clean = new LtvProcess(app.Database.ConnectionString);
        var file = await GeneratedInput.GenerateAsync(clean, Customers, seed: 7);
        try
        {
            var watch = Stopwatch.StartNew();
            (await clean.RunAsync("ingest", file)).ExitCode.ShouldBe(0);
            var span = watch.Elapsed;
            var expected = await StoreSnapshot.TakeAsync(app.Database.DataSource, clean.Schema);

            // One random time in each equal slice of a clean ingest's duration (start-up, batches, the catch-up of the
            // async read models), measured on this machine as it is loaded now, then shuffled into pairs.
            var random = new Random(20170106);
            var slice = span / KillPoints;
            var times = Enumerable.Range(0, KillPoints).Select(i => TimeSpan.FromMilliseconds(50) + (slice * (i + random.NextDouble()))).ToArray();
            random.Shuffle(times);
            output.WriteLine($"a clean ingest took {span.TotalMilliseconds:F0} ms");
            for (var pair = 0; pair + 1 < times.Length; pair += 2)
            {
                await KillTwiceThenIngestAsync(file, times[pair], times[pair + 1], expected);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task KillTwiceThenIngestAsync(string file, TimeSpan first, TimeSpan second, StoreSnapshot expected)
    {
        var ltv = new LtvProcess(app.Database.ConnectionString);
        await KillAsync(ltv, file, first);
        await KillAsync(ltv, file, second);

        var again = await ltv.RunAsync("ingest", file);

        again.ExitCode.ShouldBe(0, again.Error);
        await StoreSnapshot.ShouldBeConsistentAsync(app.Database.DataSource, ltv.Schema, "after the last ingest");
        (await StoreSnapshot.TakeAsync(app.Database.DataSource, ltv.Schema))
            .ShouldMatch(expected, $"killed after {first.TotalMilliseconds:F0} ms and {second.TotalMilliseconds:F0} ms, then ingested again");
    }

    private async Task KillAsync(LtvProcess ltv, string file, TimeSpan after)
    {
        using var ingest = ltv.Start("ingest", file);
        var drained = Task.WhenAll(ingest.StandardOutput.ReadToEndAsync(), ingest.StandardError.ReadToEndAsync());
        await Task.Delay(after);
        var finished = ingest.HasExited;
        ingest.Kill(); // SIGKILL: the process gets no chance to roll back, mark its run or close its connections.
        await ingest.WaitForExitAsync();
        await drained;
        var committed = await CommittedAsync(ltv.Schema);
        output.WriteLine($"killed after {after.TotalMilliseconds:F0} ms: {(committed < 0 ? "no schema yet" : $"{committed} events committed")}{(finished ? " (it had finished)" : "")}");
        if (committed >= 0)
        {
            await StoreSnapshot.ShouldBeConsistentAsync(app.Database.DataSource, ltv.Schema, $"right after a kill at {after.TotalMilliseconds:F0} ms");
        }
    }
    /// <summary>How many events the killed run committed; -1 when it died before creating the schema.</summary>
    private async Task<long> CommittedAsync(string schema)
    {
        await using var command = app.Database.DataSource.CreateCommand(
            "select to_regclass(@events) is null");
        command.Parameters.AddWithValue("events", $"\"{schema}\".mt_events");
        if ((bool)(await command.ExecuteScalarAsync())!)
        {
            return -1;
        }

        await using var count = app.Database.DataSource.CreateCommand($"select count(*) from \"{schema}\".mt_events where stream_id <> 'mt_tombstone'");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
