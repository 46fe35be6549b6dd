using System.Globalization;
using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Projections.Store.Ranking;

namespace Ltv.Host.Benchmark;

/// <summary>
/// Runs every phase of the benchmark on a database of its own: generate the input, then per repetition ingest,
/// catch up, re-ingest, baseline COPY, rebuild and a smaller ingest for the scaling check; then top-10 latencies
/// and the peak working set of a separate <c>ltv ingest</c> process.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, Action<string> log)
{
    private const string Rebuilt = RankingRegistration.ReadModelName;

    public async Task<BenchReport> RunAsync(string serverConnection, string serverDescription, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("ltv-bench-");
        try
        {
            var input = Path.Combine(folder.FullName, "events.ndjson");
            var small = Path.Combine(folder.FullName, "quarter.ndjson");
            var export = Path.Combine(folder.FullName, "events.copy");
            var smallExport = Path.Combine(folder.FullName, "quarter.copy");
            var events = await GenerateAsync(input, settings.Customers, ct);
            var smallEvents = await GenerateAsync(small, Math.Max(1, settings.Customers / 4), ct);
            await using var database = await BenchDatabase.CreateAsync(serverConnection, ct);
            log($"database {database.Name} created on {serverDescription}");
            var phases = new PhaseTimes();
            BenchStore? last = null;
            try
            {
                for (var r = 1; r <= settings.Repetitions; r++)
                {
                    if (last is not null)
                    {
                        await last.DropAsync(ct);
                        await last.DisposeAsync();
                    }

                    last = await RepeatAsync(r, database.ConnectionString, (input, export), (small, smallExport), events, smallEvents, phases, ct);
                }

                await last!.SettleAsync(ct);
                var (dataset, customer) = await last.TopLatenciesAsync(settings.TopQueries, ct);
                log($"top 10: {settings.TopQueries} queries per timeframe, after vacuum (analyze) and a checkpoint");
                var peak = await ChildIngest.RunAsync(database.ConnectionString, "ltv_bench_child", input, ct);
                log($"ltv ingest as a process: peak working set {Mb(peak):F0} MB");
                var context = new BenchContext(events, smallEvents, settings, serverDescription, last.AsyncProjections, Rebuilt);
                return phases.Report(context, dataset, customer, Mb(peak));
            }
            finally
            {
                if (last is not null)
                {
                    await last.DisposeAsync();
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<BenchStore> RepeatAsync(
        int r, string connection, (string Input, string Export) full, (string Input, string Export) small, long events, long smallEvents,
        PhaseTimes phases, CancellationToken ct)
    {
        var (input, export) = full;
        var store = await BenchStore.CreateAsync(connection, $"ltv_bench_{r}", ct);
        var (ingested, ingest) = await store.IngestAsync(input, ct);
        Check(ingested.Accepted == events && ingested.Completed, $"ingest accepted {ingested.Accepted} of {events} events");
        var catchUp = await store.CatchUpAsync(ct);
        var (reingested, reingest) = await store.IngestAsync(input, ct);
        Check(reingested.Duplicates == events, $"re-ingest found {reingested.Duplicates} duplicates of {events}");
        if (r == 1)
        {
            await store.ExportEventsAsync(export, ct);
        }

        var baseline = await new BaselineCopy(connection).RunAsync(export, store.Schema.Value, ct);
        var (rebuiltEvents, rebuild) = await store.RebuildAsync(Rebuilt, ct);
        Check(rebuiltEvents == events, $"the rebuild replayed {rebuiltEvents} of {events} events");
        TimeSpan smallIngest;
        TimeSpan smallBaseline;
        await using (var quarter = await BenchStore.CreateAsync(connection, $"ltv_bench_{r}_quarter", ct))
        {
            var (summary, elapsed) = await quarter.IngestAsync(small.Input, ct);
            Check(summary.Accepted == smallEvents, $"the smaller ingest accepted {summary.Accepted} of {smallEvents} events");
            smallIngest = elapsed;
            // The physical limit's own slope: the same COPY for the quarter-size input, so that the scaling of the
            // ingest can be set against that of the machine in the same run.
            if (r == 1)
            {
                await quarter.ExportEventsAsync(small.Export, ct);
            }

            smallBaseline = await new BaselineCopy(connection).RunAsync(small.Export, quarter.Schema.Value, ct);
            await quarter.DropAsync(ct);
        }

        phases.Add(new PhaseRun(baseline.TotalSeconds, ingest.TotalSeconds, reingest.TotalSeconds, catchUp.TotalSeconds, rebuild.TotalSeconds, smallIngest.TotalSeconds, smallBaseline.TotalSeconds));
        log(string.Create(
            CultureInfo.InvariantCulture,
            $"repetition {r}/{settings.Repetitions}: baseline {events / baseline.TotalSeconds:N0}/s, ingest {events / ingest.TotalSeconds:N0}/s, " +
            $"re-ingest {events / reingest.TotalSeconds:N0}/s, catch-up {events / catchUp.TotalSeconds:N0}/s, rebuild {events / rebuild.TotalSeconds:N0}/s"));
        return store;
    }

    private async Task<long> GenerateAsync(string path, int customers, CancellationToken ct)
    {
        var count = await GeneratedFile.WriteAsync(
            path, new SyntheticEventOptions(customers, settings.Seed), new GeneratedFileLayout(Shuffle: true, 0, Json: false, Gzip: false), ct);
        log(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} events for {customers:N0} customers"));
        return count;
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark run is not valid: {problem}.");
        }
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
