using Ltv.Domain.Lifetime;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections.Ranking;

/// <summary>
/// Counts customers per LTV bucket over the LtvRanking read model in SQL, so that a chart of a million customers
/// costs two scans on the server instead of a million rows on the wire. Each customer's LTV is the one top X shows
/// (the same formula, rounded to cents); edges are cents, so a value sits in exactly one bucket by plain comparison.
/// </summary>
public sealed class LtvHistogramQuery(NpgsqlDataSource dataSource, SchemaName schema)
{
    public const int MaxBuckets = HistogramEdges.MaxBuckets;

    private readonly LtvRankingProjection _ranking = new(schema);

    public Task<LtvHistogram> ExecuteAsync(int buckets, HistogramScale scale, LtvSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, MaxBuckets);
        ArgumentNullException.ThrowIfNull(settings);
        return PostgresErrors.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var datasetWeeks = await DatasetWeeksAsync(connection, ct);
            var lag = await ProjectionLag.CountAsync(connection, schema, _ranking.Name, ct);
            if (datasetWeeks is null)
            {
                return new LtvHistogram(0, 0, null, null, [], lag);
            }

            // 52 x revenue x t / weeks, dividing last and rounding half away from zero, as SimpleLtv does.
            var weeks = settings.Timeframe == Timeframe.Dataset ? "@dataset_weeks" : "(last_week - first_week + 1)";
            var values = $"select round(52 * revenue * @lifespan / {weeks}, 2) as ltv from {_ranking.Tables.CustomersTable}";
            await using var bounds = Command(connection, $"""
                with v as ({values})
                select count(*), count(*) filter (where ltv <= 0), min(ltv) filter (where ltv > 0), max(ltv) from v
                """, settings, datasetWeeks.Value);
            long customers, withoutRevenue;
            decimal? min, max;
            await using (var reader = await bounds.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                (customers, withoutRevenue) = (reader.GetInt64(0), reader.GetInt64(1));
                min = reader.IsDBNull(2) ? null : reader.GetDecimal(2);
                max = reader.IsDBNull(3) ? null : reader.GetDecimal(3);
            }

            if (min is not { } lo || max is not { } hi)
            {
                return new LtvHistogram(customers, withoutRevenue, null, max, [], lag);
            }

            var edges = HistogramEdges.Of(lo, hi, buckets, scale);
            await using var count = Command(connection, $"""
                with v as ({values})
                select width_bucket(ltv, @edges), count(*) from v where ltv > 0 group by 1
                """, settings, datasetWeeks.Value);
            count.Parameters.AddWithValue("edges", edges);
            var counts = new long[edges.Length];
            await using (var reader = await count.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    counts[reader.GetInt32(0) - 1] = reader.GetInt64(1); // every positive LTV is at least the first edge
                }
            }

            return new LtvHistogram(customers, withoutRevenue, lo, hi, LtvBucket.FromEdges(edges, hi, counts), lag);
        });
    }

    /// <summary>The buckets' lower edges in cents, strictly increasing: fewer than asked when cents cannot tell them apart.</summary>
    public static decimal[] Edges(decimal min, decimal max, int buckets, HistogramScale scale) => HistogramEdges.Of(min, max, buckets, scale);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, LtvSettings settings, int datasetWeeks)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("lifespan", settings.LifespanYears);
        command.Parameters.AddWithValue("dataset_weeks", datasetWeeks);
        return command;
    }

    private async Task<int?> DatasetWeeksAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select first_event_time, last_event_time from {_ranking.BoundsTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? WeekCalendar.WeeksBetween(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }
}
