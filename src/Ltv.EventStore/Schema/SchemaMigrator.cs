using Npgsql;

namespace Ltv.EventStore.Schema;

/// <summary>
/// Applies numbered scripts idempotently: all pending scripts in one transaction, under an advisory lock
/// so that processes starting together do not race.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The event store's own scripts (events, streams, projection progress).</summary>
    public static IReadOnlyList<MigrationScript> EventStoreScripts { get; } =
        MigrationScript.FromEmbeddedResources(typeof(SchemaMigrator).Assembly);

    /// <summary>Creates the schema if needed and applies every script not applied yet.</summary>
    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource, SchemaName schema, IEnumerable<MigrationScript> scripts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(schema);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext(@key))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", "ltv.schema." + schema.Value);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        await Execute(connection, transaction, $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations
            (
                id         text primary key,
                applied_at timestamptz not null default now()
            );
            """, ct);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand($"select id from {schema}.schema_migrations", connection, transaction))
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var script in scripts.OrderBy(s => s.Id, StringComparer.Ordinal).Where(s => !applied.Contains(s.Id)))
        {
            await Execute(connection, transaction, script.SqlFor(schema), ct);
            await using var record = new NpgsqlCommand($"insert into {schema}.schema_migrations (id) values (@id)", connection, transaction);
            record.Parameters.AddWithValue("id", script.Id);
            await record.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
