namespace Ltv.Host.Benchmark;

/// <summary>The timings of every repetition, and the medians and same-repetition ratios made of them.</summary>
internal sealed class PhaseTimes
{
    private readonly List<PhaseRun> _runs = [];

    public void Add(PhaseRun run) => _runs.Add(run);

    public BenchReport Report(BenchContext context, IReadOnlyList<double> dataset, IReadOnlyList<double> customer, double peakMb)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = context.Events;
        double Rate(Func<PhaseRun, double> seconds) =>
            Percentiles.Median([.. _runs.Select(r => events / seconds(r))]);

        // A phase's speed over the baseline's, both of the same repetition: the baseline's time over the phase's.
        double Ratio(Func<PhaseRun, double> seconds) =>
            Percentiles.Median([.. _runs.Select(r => r.Baseline / seconds(r))]);

        // A phase's time over that of the quarter-size input, scaled to exactly 4x the events.
        double Slope(Func<PhaseRun, double> whole, Func<PhaseRun, double> quarter) =>
            Percentiles.Median([.. _runs.Select(r => whole(r) / quarter(r) * (4.0 * context.SmallEvents / events))]);

        return new BenchReport
        {
            Events = events,
            Customers = context.Settings.Customers,
            Repetitions = _runs.Count,
            Server = context.Server,
            BaselineEventsPerSec = Rate(r => r.Baseline),
            IngestEventsPerSec = Rate(r => r.Ingest),
            IngestRatio = Ratio(r => r.Ingest),
            ReingestEventsPerSec = Rate(r => r.Reingest),
            ReingestRatio = Ratio(r => r.Reingest),
            CatchUpEventsPerSec = Rate(r => r.CatchUp),
            CatchUpRatio = Ratio(r => r.CatchUp),
            AsyncProjections = context.AsyncProjections,
            RebuiltProjection = context.Rebuilt,
            RebuildEventsPerSec = Rate(r => r.Rebuild),
            RebuildRatio = Ratio(r => r.Rebuild),
            Top10P50Ms = Math.Max(Percentiles.Median(dataset), Percentiles.Median(customer)),
            Top10P99Ms = Math.Max(Percentiles.Of(dataset, 99), Percentiles.Of(customer, 99)),
            Top10DatasetP50Ms = Percentiles.Median(dataset),
            Top10DatasetP99Ms = Percentiles.Of(dataset, 99),
            Top10CustomerP50Ms = Percentiles.Median(customer),
            Top10CustomerP99Ms = Percentiles.Of(customer, 99),
            Top10Queries = dataset.Count,
            PeakWorkingSetMb = peakMb,
            ScalingSmallEvents = context.SmallEvents,
            ScalingTimeRatio4x = Slope(r => r.Ingest, r => r.Small),
            BaselineScalingTimeRatio4x = Slope(r => r.Baseline, r => r.SmallBaseline),
        };
    }
}

/// <summary>The seconds each phase of one repetition took; the last two are the quarter-size input's ingest and baseline.</summary>
internal sealed record PhaseRun(double Baseline, double Ingest, double Reingest, double CatchUp, double Rebuild, double Small, double SmallBaseline);

/// <summary>What a benchmark run was about, for its report.</summary>
internal sealed record BenchContext(
    long Events, long SmallEvents, BenchSettings Settings, string Server, IReadOnlyList<string> AsyncProjections, string Rebuilt);
