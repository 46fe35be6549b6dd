using System.Text;
using Ltv.Domain.DailyStats;
using Ltv.Projections.DailyStats;
using Npgsql;

namespace Ltv.Projections.Tests.DailyStats;

/// <summary>Reads a copy of the DailyStats tables back, to compare copies with each other and with the reference.</summary>
internal static class DailyStatsTablesReader
{
    public static async Task<List<CustomerDay>> RowsAsync(NpgsqlDataSource dataSource, DailyStatsTables tables)
    {
        await using var command = dataSource.CreateCommand(
            $"select customer_id, day, visits, images, orders, revenue from {tables.CustomerDaysTable} order by customer_id collate \"C\", day");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<CustomerDay>();
        while (await reader.ReadAsync())
        {
            rows.Add(new CustomerDay(
                reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetDecimal(5)));
        }

        return rows;
    }

    /// <summary>Every row of every table, as text: two copies hold the same data when their dumps are equal.</summary>
    public static async Task<string> DumpAsync(NpgsqlDataSource dataSource, DailyStatsTables tables)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { tables.CustomerDaysTable, tables.OrdersTable, tables.CustomersTable })
        {
            await using var command = dataSource.CreateCommand($"select t::text from {table} t order by 1");
            await using var reader = await command.ExecuteReaderAsync();
            text.AppendLine("--");
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }
}
