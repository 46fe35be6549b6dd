using Ltv.Domain.Customers;
using Ltv.Domain.Lifetime;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections.Ranking;

/// <summary>The answer to top X, with how far the ranking is behind the log.</summary>
/// <param name="Customers">The top customers, best first.</param>
/// <param name="Settings">The timeframe and lifespan used.</param>
/// <param name="DatasetWeeks">The dataset timeframe in weeks; null when there is no data.</param>
/// <param name="Lag">Events in the log not yet in the ranking.</param>
public sealed record TopCustomersAnswer(IReadOnlyList<LtvResult> Customers, LtvSettings Settings, int? DatasetWeeks, long Lag);

/// <summary>TopXSimpleLTVCustomers over the LtvRanking read model: an index scan for either timeframe.</summary>
public sealed class TopCustomersQuery(NpgsqlDataSource dataSource, SchemaName schema)
{
    private readonly LtvRankingProjection _ranking = new(schema);

    public Task<TopCustomersAnswer> ExecuteAsync(int x, LtvSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentNullException.ThrowIfNull(settings);
        return PostgresErrors.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var bounds = await ReadBounds(connection, ct);
            var datasetWeeks = bounds is { } b ? WeekCalendar.WeeksBetween(b.First, b.Last) : (int?)null;
            var orderBy = settings.Timeframe == Timeframe.Dataset ? "revenue desc, customer_id" : "weekly_value desc, customer_id";
            await using var command = new NpgsqlCommand(
                $"""
                select customer_id, last_name, visits, orders, revenue, last_week - first_week + 1, has_customer_event
                from {_ranking.Tables.CustomersTable}
                order by {orderBy}
                limit @x
                """,
                connection);
            command.Parameters.AddWithValue("x", x);
            var customers = new List<LtvResult>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var revenue = reader.GetDecimal(4);
                    var weeks = settings.Timeframe == Timeframe.Dataset ? datasetWeeks!.Value : reader.GetInt32(5);
                    customers.Add(new LtvResult(
                        new CustomerId(reader.GetString(0)),
                        reader.IsDBNull(1) ? null : reader.GetString(1),
                        reader.GetInt32(2),
                        reader.GetInt32(3),
                        revenue,
                        weeks,
                        SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(revenue, weeks, settings.LifespanYears)),
                        reader.GetBoolean(6)));
                }
            }

            return new TopCustomersAnswer(customers, settings, datasetWeeks, await ProjectionLag.CountAsync(connection, schema, _ranking.Name, ct));
        });
    }

    private async Task<(DateTimeOffset First, DateTimeOffset Last)?> ReadBounds(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select first_event_time, last_event_time from {_ranking.BoundsTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }
}
