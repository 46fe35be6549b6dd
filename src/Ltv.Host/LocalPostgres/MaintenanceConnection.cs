using Npgsql;

namespace Ltv.Host.LocalPostgres;

// Short administrative sessions on the maintenance database: probing the server, creating databases.
internal static class MaintenanceConnection
{
    public static async Task<NpgsqlConnection?> TryOpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Not created, not running, or not ready yet: the caller takes the slow path.
            return null;
        }
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled, so these sessions do not linger on the server once the bootstrap is done.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task CreateDatabaseIfMissingAsync(NpgsqlConnection admin, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", admin);
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return;
        }

        try
        {
            // CREATE DATABASE takes no parameters; the name is quoted as an identifier.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our CREATE; a CREATE racing another
            // one reports the catalog's unique index instead of "already exists".
        }
    }
}
