using Ltv.Domain.Lifetime;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Ltv.Projections.Lifetime;
using Npgsql;

namespace Ltv.Projections.Clv;

/// <summary>
/// Simple LTV (52 x a x t) of chosen customers, from CustomerLifetime, so predictions can be shown beside it. The same
/// rule and timeframes as top X: the dataset timeframe spans the earliest to the latest event of all customers.
/// </summary>
public sealed class SimpleLtvQuery(NpgsqlDataSource dataSource, SchemaName schema)
{
    private readonly CustomerFiguresTables _tables = new CustomerLifetimeProjection(schema).Tables;

    /// <summary>Customer id to Simple LTV (USD, 2 decimals); customers without events are absent.</summary>
    public Task<IReadOnlyDictionary<string, decimal>> ExecuteAsync(IReadOnlyCollection<string> customerIds, LtvSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(settings);
        return PostgresErrors.Translate<IReadOnlyDictionary<string, decimal>>(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                with bounds as (select min(first_event_time) as first, max(last_event_time) as last from {_tables.CustomersTable})
                select c.customer_id, c.revenue, c.last_week - c.first_week + 1, b.first, b.last
                from {_tables.CustomersTable} c cross join bounds b
                where c.customer_id = any(@ids)
                """);
            command.Parameters.AddWithValue("ids", customerIds.ToArray());
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var weeks = settings.Timeframe == Timeframe.Dataset
                    ? WeekCalendar.WeeksBetween(reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4))
                    : reader.GetInt32(2);
                values[reader.GetString(0)] = SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(reader.GetDecimal(1), weeks, settings.LifespanYears));
            }

            return values;
        });
    }
}
