using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>Creates the store's schema and every projection's tables and progress rows, in one transaction.</summary>
public static class ProjectionSetup
{
    /// <summary>Makes sure everything the store and its projections need exists.</summary>
    public static async Task EnsureAsync(
        NpgsqlDataSource dataSource,
        SchemaName schema,
        IEnumerable<MigrationScript> extraScripts,
        IReadOnlyList<IProjection> inline,
        IReadOnlyList<IProjection> asynchronous,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await PostgresErrors.Translate(async () =>
        {
            await SchemaMigrator.MigrateAsync(dataSource, schema, SchemaMigrator.EventStoreScripts.Concat(extraScripts), ct);
            var progress = new ProjectionProgressStore(schema);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);

            // Processes that start together would otherwise race on "create table if not exists".
            await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext(@key))", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", "ltv.projections." + schema.Value);
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            foreach (var (projection, state) in inline.Select(p => (p, "inline")).Concat(asynchronous.Select(p => (p, "running"))))
            {
                await projection.CreateAsync(connection, transaction, ct);
                await progress.RegisterAsync(connection, transaction, projection, state, ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        });
    }
}
