using System.Globalization;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Builders;
using Ltv.Host.LocalPostgres;
using Npgsql;

namespace Ltv.Testing;

// The one PostgreSQL server a test process uses: LTV_TEST_CONNECTION when set, otherwise a container through
// Testcontainers when a Docker engine answers, otherwise the same local cluster the tool bootstraps.
// Tests never skip for want of a database.
public sealed partial class PostgresServer
{
    public const string ConnectionVariable = "LTV_TEST_CONNECTION";

    // Databases left behind by test runs that crashed are dropped once they are this old.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _serverConnectionString;
    private readonly string _maintenanceDatabase;

    private PostgresServer(string serverConnectionString, string maintenanceDatabase, string description)
    {
        _serverConnectionString = serverConnectionString;
        _maintenanceDatabase = maintenanceDatabase;
        Description = description;
    }

    public string Description { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        // template0 takes no connections, so parallel fixtures can copy it at the same moment.
        await ExecuteAsync($"CREATE DATABASE {Quote(name)} TEMPLATE template0", cancellationToken).ConfigureAwait(false);
    }

    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken).ConfigureAwait(false);
    }

    public static string NewTestDatabaseName(DateTime utcNow) =>
        string.Create(CultureInfo.InvariantCulture, $"t_{utcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}");

    private static async Task<PostgresServer> StartAsync()
    {
        ServerAddress address = Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given
            ? Given(given)
            : await StartContainerOrClusterAsync().ConfigureAwait(false);
        ServerNotice.Write(address.Description);

        var server = new PostgresServer(address.ConnectionString, address.MaintenanceDatabase, address.Description);
        await server.DropAbandonedDatabasesAsync(DateTime.UtcNow).ConfigureAwait(false);
        return server;
    }

    private static ServerAddress Given(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string maintenance = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
        return new ServerAddress(connectionString, maintenance, $"{ConnectionVariable} (Host={builder.Host}; Port={builder.Port})");
    }

    // A container where a Docker engine answers, else the private cluster; the description says why it fell back.
    private static async Task<ServerAddress> StartContainerOrClusterAsync()
    {
        string fallbackReason;
        try
        {
            return await PostgresContainer.StartAsync().ConfigureAwait(false);
        }
        catch (DockerUnavailableException)
        {
            fallbackReason = "no Docker engine is reachable";
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An engine without the image (no registry here), or one that cannot run it: the tests still need a server.
            fallbackReason = $"no usable container from {PostgresContainer.Image}: {exception.GetType().Name}: {FirstLine(exception.Message)}";
        }

        var cluster = new LocalPostgresCluster();
        string connectionString = await cluster.EnsureStartedAsync().ConfigureAwait(false);
        return new ServerAddress(connectionString, "postgres", $"the private local cluster in {cluster.DataDirectory} ({fallbackReason})");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private async Task DropAbandonedDatabasesAsync(DateTime utcNow)
    {
        var names = new List<string>();
        await using (var connection = await OpenMaintenanceAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'", connection);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (string name in names.Where(name => IsAbandoned(name, utcNow)))
        {
            await DropDatabaseAsync(name).ConfigureAwait(false);
        }
    }

    private static bool IsAbandoned(string name, DateTime utcNow)
    {
        Match match = TestDatabaseName().Match(name);
        return match.Success
            && DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime created)
            && utcNow - created > AbandonedAfter;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken cancellationToken)
    {
        // Unpooled, so no idle session lingers in the maintenance database.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor(_maintenanceDatabase)) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    // Test database names are generated, but quote anyway: they become SQL identifiers.
    private static string Quote(string name) =>
        TestDatabaseName().IsMatch(name) ? $"\"{name}\"" : throw new ArgumentException($"Not a test database name: {name}", nameof(name));

    [GeneratedRegex(@"^t_(\d{14})_[0-9a-f]{8}$")]
    private static partial Regex TestDatabaseName();
}
