using System.Diagnostics;
using System.Text;
using Ltv.Host.Generation;
using Ltv.Host.Ingestion;
using Ltv.Projections.Store;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

/// <summary>
/// A catch-up's wait is bounded by how long the daemon stands still, not by how long the log takes: at 1M events
/// `ltv ingest` gave up after 60 s of steady progress and warned of an open transaction that was not there.
/// </summary>
public sealed class CatchUpWaitTests
{
    [Fact]
    public async Task a_catch_up_longer_than_its_wait_that_keeps_moving_reaches_the_head()
    {
        // Batches of 100 events: many small daemon commits, each far shorter than the wait.
        await using var app = await LtvTestApp.StartAsync(daemonBatchSize: 100);
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 1_500, Seed: 8));
        var content = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        using (var stream = new MemoryStream(content))
        {
            await app.Get<IngestPipeline>().RunAsync([new IngestSource("log.ndjson", stream, content.Length)], progress: null, default);
        }

        var wait = TimeSpan.FromSeconds(1);
        var elapsed = Stopwatch.StartNew();
        var results = await app.Get<ReadModelCatalog>().CatchUpAsync(wait, default);

        elapsed.Elapsed.ShouldBeGreaterThan(wait, "the log must take longer than the wait to apply, or this shows nothing");
        results.ShouldAllBe(r => r.Result.ReachedHead);
    }
}
