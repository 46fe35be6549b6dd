using Ltv.EventStore;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections;

/// <summary>Counts over the log and the CustomerLifetime read model.</summary>
public sealed class StoreSummaryQuery(NpgsqlDataSource dataSource, SchemaName schema)
{
    public Task<StoreSummary> ExecuteAsync(CancellationToken ct) =>
        PostgresErrors.Translate(async () =>
        {
            var lifetime = new Lifetime.CustomerLifetimeProjection(schema).Tables.CustomersTable;
            await using var command = dataSource.CreateCommand($"""
                select (select count(*) from {schema}.events),
                       count(*),
                       count(*) filter (where not has_customer_event),
                       min(first_event_time),
                       max(last_event_time)
                from {lifetime}
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new StoreSummary(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
        });
}
