using Ltv.Domain.DailyStats;
using Ltv.Projections.Store;
using Npgsql;

namespace Ltv.Projections.DailyStats;

/// <summary>"Top customers over a period" and "how many customers are repeaters", over the DailyStats read model.</summary>
public sealed class PeriodCustomersQuery(NpgsqlDataSource dataSource, DailyStatsSource source)
{
    public PeriodCustomersQuery(NpgsqlDataSource dataSource, DailyStatsTables tables, ReadModelLag lag)
        : this(dataSource, (_, _) => Task.FromResult(new DailyStatsCopy(tables, lag)))
    {
    }

    /// <summary>
    /// The customers active in the period, by the sum of <paramref name="by"/> over its days, highest first,
    /// ties by customer id; at most <paramref name="limit"/>.
    /// </summary>
    public Task<StatsAnswer<IReadOnlyList<CustomerFigures>>> TopAsync(DateOnly from, DateOnly to, TopMetric by, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var orderBy = by switch
        {
            TopMetric.Revenue => "sum(revenue)",
            TopMetric.Orders => "sum(orders)",
            TopMetric.Visits => "sum(visits)",
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown metric."),
        };
        return DatabaseUnavailable.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var copy = await source(connection, ct);
            await using var command = DailyStatsQuery.Command(
                connection,
                $"""
                select customer_id, sum(visits), sum(images), sum(orders), sum(revenue)
                from {copy.Tables.CustomerDaysTable}
                where day between @from and @to
                group by customer_id
                order by {orderBy} desc, customer_id collate "C"
                limit @limit
                """,
                from,
                to);
            command.Parameters.AddWithValue("limit", limit);
            var customers = new List<CustomerFigures>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    customers.Add(new CustomerFigures(
                        reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDecimal(4)));
                }
            }

            return new StatsAnswer<IReadOnlyList<CustomerFigures>>(customers, await copy.Lag(connection, ct));
        });
    }

    /// <summary>
    /// Buyers and repeaters among the orders whose day (the UTC day of the order's earliest event) is in
    /// <paramref name="window"/>; the list of repeaters only when <paramref name="withList"/>.
    /// </summary>
    public Task<StatsAnswer<RepeaterStats>> RepeatersAsync(DayWindow window, bool withList, CancellationToken ct) =>
        DatabaseUnavailable.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var copy = await source(connection, ct);
            var perCustomer = $"""
                select customer_id, count(*) as orders, sum(amount) as revenue
                from {copy.Tables.OrdersTable}
                where (@from::date is null or first_day >= @from) and (@to::date is null or first_day <= @to)
                group by customer_id
                """;
            long repeaters, buyers;
            await using (var counts = DailyStatsQuery.Command(
                connection, $"select count(*) filter (where orders >= 2), count(*) from ({perCustomer}) b", window.From, window.To))
            {
                await using var reader = await counts.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                (repeaters, buyers) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            var list = new List<RepeatCustomer>();
            if (withList)
            {
                await using var command = DailyStatsQuery.Command(
                    connection,
                    $"select customer_id, orders, revenue from ({perCustomer}) b where orders >= 2 order by orders desc, customer_id collate \"C\"",
                    window.From,
                    window.To);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    list.Add(new RepeatCustomer(reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2)));
                }
            }

            return new StatsAnswer<RepeaterStats>(new RepeaterStats(repeaters, buyers, list), await copy.Lag(connection, ct));
        });
}
