using Ltv.Domain.Lifetime;
using Ltv.Projections.Ranking;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// Counts customers per LTV bucket over the LtvRanking documents in SQL, so that a chart of a million customers costs
/// two scans on the server instead of a million documents on the wire. Each customer's LTV is the one top X shows (the
/// same formula, rounded to cents) from the columns Marten keeps beside each document (<see cref="RankingIndexes"/>);
/// edges are cents (<see cref="HistogramEdges"/>), so a value sits in exactly one bucket by plain comparison.
/// </summary>
public sealed class LtvHistogramQuery(IDocumentStore store)
{
    public async Task<LtvHistogram> ExecuteAsync(int buckets, HistogramScale scale, LtvSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, HistogramEdges.MaxBuckets);
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = store.QuerySession();

        // Every statement reads the copy found here: a switch meanwhile leaves that copy complete and maintained.
        var copy = await new LiveCopyPointer(store.Options.DatabaseSchemaName).ReadCopyAsync(session, RankingRegistration.ReadModelName, ct);
        var lag = await MartenLag.CountAsync(store, session, ReadModelCopies.ProjectionName(RankingRegistration.ReadModelName, copy), ct);
        var values = Values(settings.Timeframe, copy);

        var bounds = (await session.AdvancedSql.QueryAsync<Bounds>(
            $"""
            with v as ({values})
            select json_build_object(
                'customers', count(*), 'withoutRevenue', count(*) filter (where ltv <= 0),
                'min', min(ltv) filter (where ltv > 0), 'max', max(ltv))
            from v
            """,
            ct,
            settings.LifespanYears)).Single();
        if (bounds is not { Min: { } min, Max: { } max })
        {
            return new LtvHistogram(bounds.Customers, bounds.WithoutRevenue, null, bounds.Max, [], lag);
        }

        var edges = HistogramEdges.Of(min, max, buckets, scale);
        var counts = new long[edges.Length];
        var counted = await session.AdvancedSql.QueryAsync<int, long>(
            $"""
            with v as ({values})
            select row(bucket), row(customers)
            from (select width_bucket(ltv, ?) as bucket, count(*) as customers from v where ltv > 0 group by 1) as b
            """,
            ct,
            settings.LifespanYears,
            edges);
        foreach (var (bucket, customers) in counted)
        {
            counts[bucket - 1] = customers; // every positive LTV is at least the first edge
        }

        return new LtvHistogram(bounds.Customers, bounds.WithoutRevenue, min, max, LtvBucket.FromEdges(edges, max, counts), lag);
    }

    private sealed record Bounds(long Customers, long WithoutRevenue, decimal? Min, decimal? Max);

    /// <summary>
    /// Every customer's LTV, 52 x revenue x t / weeks, dividing last and rounding half away from zero as SimpleLtv does;
    /// t is the one parameter. The dataset's weeks come from the earliest and latest event times (two index probes).
    /// </summary>
    private string Values(Timeframe timeframe, ReadModelCopy copy)
    {
        var table = copy == ReadModelCopy.Blue ? store.Options.Schema.For<RankedCustomer.Blue>() : store.Options.Schema.For<RankedCustomer.Green>();
        var weeks = timeframe == Timeframe.Dataset
            ? $"(select {WeekSql.IndexOf("max(last_event_time)")} - {WeekSql.IndexOf("min(first_event_time)")} + 1 from {table})"
            : $"({WeekSql.IndexOf("d.last_event_time")} - {WeekSql.IndexOf("d.first_event_time")} + 1)";
        return $"select round(52 * d.revenue * ? / {weeks}, 2) as ltv from {table} d";
    }
}
