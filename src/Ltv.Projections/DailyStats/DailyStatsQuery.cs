using Ltv.Domain.DailyStats;
using Ltv.Projections.Store;
using Npgsql;

namespace Ltv.Projections.DailyStats;

/// <summary>"Stats for day D" and "the same per day over a range", over the DailyStats read model.</summary>
public sealed class DailyStatsQuery(NpgsqlDataSource dataSource, DailyStatsSource source)
{
    public DailyStatsQuery(NpgsqlDataSource dataSource, DailyStatsTables tables, ReadModelLag lag)
        : this(dataSource, (_, _) => Task.FromResult(new DailyStatsCopy(tables, lag)))
    {
    }

    /// <summary>Every customer active that day, by customer id, and the day's totals; zero totals for a quiet day.</summary>
    public Task<StatsAnswer<DayStats>> DayAsync(DateOnly date, CancellationToken ct) =>
        DatabaseUnavailable.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var copy = await source(connection, ct);
            var customers = new List<CustomerFigures>();
            await using (var command = new NpgsqlCommand(
                $"""
                select customer_id, visits, images, orders, revenue
                from {copy.Tables.CustomerDaysTable}
                where day = @day
                order by customer_id collate "C"
                """,
                connection))
            {
                command.Parameters.AddWithValue("day", date);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    customers.Add(new CustomerFigures(
                        reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDecimal(4)));
                }
            }

            var fresh = await NewCustomersAsync(connection, copy.Tables, date, date, ct);
            var totals = new StatsTotals(
                customers.Count,
                fresh.GetValueOrDefault(date),
                customers.Sum(c => c.Visits),
                customers.Sum(c => c.Images),
                customers.Sum(c => c.Orders),
                customers.Sum(c => c.Revenue));
            return new StatsAnswer<DayStats>(new DayStats(date, totals, customers), await copy.Lag(connection, ct));
        });

    /// <summary>The longest range answered day by day (about a century): a range answers every day in it.</summary>
    public const int MaxRangeDays = 36_600;

    /// <summary>Why a range cannot be answered, or null when it can.</summary>
    public static string? RangeProblem(DateOnly from, DateOnly to) =>
        from > to ? $"{from:yyyy-MM-dd} is after {to:yyyy-MM-dd}"
        : to.DayNumber - from.DayNumber >= MaxRangeDays ? $"a range is at most {MaxRangeDays} days, one answer per day"
        : null;

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> (quiet days with zero totals) and the range's totals.</summary>
    public Task<StatsAnswer<RangeStats>> RangeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (RangeProblem(from, to) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(to), problem);
        }
        return DatabaseUnavailable.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var copy = await source(connection, ct);
            var fresh = await NewCustomersAsync(connection, copy.Tables, from, to, ct);
            var active = new Dictionary<DateOnly, StatsTotals>();
            await using (var command = Command(
                connection,
                $"""
                select day, count(*), sum(visits), sum(images), sum(orders), sum(revenue)
                from {copy.Tables.CustomerDaysTable}
                where day between @from and @to
                group by day
                """,
                from,
                to))
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var day = reader.GetFieldValue<DateOnly>(0);
                    active[day] = new StatsTotals(
                        reader.GetInt64(1), fresh.GetValueOrDefault(day), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                        reader.GetDecimal(5));
                }
            }

            var days = new List<DatedTotals>();
            // Counted by day number, so that a range ending on the last day there is never steps past it.
            for (var n = from.DayNumber; n <= to.DayNumber; n++)
            {
                var day = DateOnly.FromDayNumber(n);
                days.Add(new DatedTotals(day, active.GetValueOrDefault(day) ?? StatsTotals.Zero));
            }

            // A customer active on several days of the range counts once.
            await using var distinct = Command(
                connection, $"select count(distinct customer_id) from {copy.Tables.CustomerDaysTable} where day between @from and @to", from, to);
            var totals = new StatsTotals(
                (long)(await distinct.ExecuteScalarAsync(ct))!,
                fresh.Values.Sum(),
                days.Sum(d => d.Totals.Visits),
                days.Sum(d => d.Totals.Images),
                days.Sum(d => d.Totals.Orders),
                days.Sum(d => d.Totals.Revenue));
            return new StatsAnswer<RangeStats>(new RangeStats(from, to, totals, days), await copy.Lag(connection, ct));
        });
    }

    private static async Task<Dictionary<DateOnly, long>> NewCustomersAsync(
        NpgsqlConnection connection, DailyStatsTables tables, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var command = Command(
            connection,
            $"select first_day, count(*) from {tables.CustomersTable} where first_day between @from and @to group by first_day",
            from,
            to);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<DateOnly, long>();
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, DateOnly? from, DateOnly? to)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.Date) { Value = from is { } f ? f : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlTypes.NpgsqlDbType.Date) { Value = to is { } t ? t : DBNull.Value });
        return command;
    }
}
