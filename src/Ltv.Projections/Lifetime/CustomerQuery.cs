using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections.Lifetime;

/// <summary>One customer's profile and lifetime figures (CustomerLifetime) and stream.</summary>
public sealed class CustomerQuery(NpgsqlDataSource dataSource, SchemaName schema, PostgresEventStore store)
{
    private readonly CustomerFiguresTables _tables = new CustomerLifetimeProjection(schema).Tables;

    /// <summary>Null when the customer has no events.</summary>
    public Task<CustomerView?> ExecuteAsync(string customerId, CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand($"""
                select customer_id, has_customer_event, last_name, city, state, previous_last_name, previous_city,
                       previous_state, visits, images, orders, revenue, first_event_time, last_event_time, first_week, last_week
                from {_tables.CustomersTable}
                where customer_id = @id
                """);
            command.Parameters.AddWithValue("id", customerId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var view = new CustomerView(
                reader.GetString(0), reader.GetBoolean(1), Text(2), Text(3), Text(4), Text(5), Text(6), Text(7),
                reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetDecimal(11),
                reader.GetFieldValue<DateTimeOffset>(12), reader.GetFieldValue<DateTimeOffset>(13),
                reader.GetInt32(14), reader.GetInt32(15), Stream: []);
            return view with { Stream = await store.ReadStreamAsync(customerId, ct) };
        });
}
