namespace Ltv.Host.Benchmark;

/// <summary>
/// What <c>ltv bench</c> measured. Rates are medians over the repetitions; each ratio is the median of the
/// per-repetition ratios to the baseline measured in the same repetition, so that a slow moment of a noisy
/// machine affects both sides of a ratio alike.
/// </summary>
public sealed record BenchReport
{
    public required long Events { get; init; }

    public required int Customers { get; init; }

    public required int Repetitions { get; init; }

    public required string Server { get; init; }

    public required double BaselineEventsPerSec { get; init; }

    public required double IngestEventsPerSec { get; init; }

    public required double IngestRatio { get; init; }

    /// <summary>Ingesting the same file again: every event is a duplicate.</summary>
    public required double ReingestEventsPerSec { get; init; }

    public required double ReingestRatio { get; init; }

    /// <summary>Every async projection brought from empty to the head of the log after the ingest.</summary>
    public required double CatchUpEventsPerSec { get; init; }

    public required double CatchUpRatio { get; init; }

    public required IReadOnlyList<string> AsyncProjections { get; init; }

    public required string RebuiltProjection { get; init; }

    public required double RebuildEventsPerSec { get; init; }

    public required double RebuildRatio { get; init; }

    /// <summary>The slower of the two timeframes.</summary>
    public required double Top10P50Ms { get; init; }

    /// <summary>The slower of the two timeframes.</summary>
    public required double Top10P99Ms { get; init; }

    public required double Top10DatasetP50Ms { get; init; }

    public required double Top10DatasetP99Ms { get; init; }

    public required double Top10CustomerP50Ms { get; init; }

    public required double Top10CustomerP99Ms { get; init; }

    public required int Top10Queries { get; init; }

    /// <summary>Peak working set of <c>ltv ingest</c> run as its own process on the same file.</summary>
    public required double PeakWorkingSetMb { get; init; }

    /// <summary>Events of the smaller ingest that the scaling check compares with (a quarter of the customers).</summary>
    public required long ScalingSmallEvents { get; init; }

    /// <summary>Ingest time of all the events over that of the smaller input, scaled to exactly 4x the events.</summary>
    public required double ScalingTimeRatio4x { get; init; }

    /// <summary>The same for the baseline COPY: the physical limit's own slope, measured in the same run.</summary>
    public required double BaselineScalingTimeRatio4x { get; init; }
}
