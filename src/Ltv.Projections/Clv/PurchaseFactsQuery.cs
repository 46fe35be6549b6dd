using Ltv.Domain.Clv;
using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Ltv.Projections.Lifetime;
using Npgsql;

namespace Ltv.Projections.Clv;

/// <summary>
/// The purchase facts the customer-base models read, from the CustomerLifetime orders: each order at its current
/// amount, on the UTC day of its earliest event (when it was placed, whatever later updates say). Orders of one
/// customer on one day come back as one transaction with their summed amount.
/// </summary>
public sealed class PurchaseFactsQuery(NpgsqlDataSource dataSource, SchemaName schema) : IPurchaseFacts
{
    private readonly CustomerFiguresTables _tables = new CustomerLifetimeProjection(schema).Tables;

    public Task<IReadOnlyList<PurchaseFact>> ExecuteAsync(CancellationToken ct) =>
        PostgresErrors.Translate<IReadOnlyList<PurchaseFact>>(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                select customer_id, (first_time at time zone 'UTC')::date as day, sum(amount)
                from {_tables.OrdersTable}
                group by customer_id, day
                order by customer_id, day
                """);
            var facts = new List<PurchaseFact>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                facts.Add(new PurchaseFact(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2)));
            }

            return facts;
        });
}
