using Ltv.Domain.Lifetime;
using Ltv.Host.Composition;
using Ltv.Projections;
using Ltv.Projections.Ranking;
using Ltv.Projections.Store.Ranking;

namespace Ltv.Host.Histogram;

/// <summary>Answers <see cref="GetLtvHistogram"/> from the ranking read model, with the ranking's lag.</summary>
public static class GetLtvHistogramHandler
{
    public static async Task<LtvHistogramAnswer> Handle(GetLtvHistogram query, LtvHistogramQuery histograms, LtvOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(histograms);
        ArgumentNullException.ThrowIfNull(options);
        if (query.Buckets is < 1 or > HistogramEdges.MaxBuckets)
        {
            throw new UserError($"buckets must be from 1 to {HistogramEdges.MaxBuckets}; it is {query.Buckets}.");
        }

        var settings = options.SettingsFor(query.Timeframe, query.LifespanYears);
        var histogram = await histograms.ExecuteAsync(query.Buckets, query.Scale, settings, ct);
        return new LtvHistogramAnswer(LtvHistogramResponse.From(histogram, TimeframeNames.Of(settings.Timeframe), settings.LifespanYears, query.Scale), histogram.Lag);
    }
}

/// <summary>The histogram, and how many events the ranking it was read from is behind the log.</summary>
public sealed record LtvHistogramAnswer(LtvHistogramResponse Histogram, long Lag);
