using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Ltv.Testing;

// The test process's PostgreSQL container, started through Testcontainers when a Docker engine is reachable.
// One per test process: each test class then gets its own database inside it, as on any other server.
internal static class PostgresContainer
{
    public const string ImageVariable = "LTV_TEST_POSTGRES_IMAGE";

    // Where a registry is reachable, the official image; .ci/run builds one from this machine's binaries instead
    // (.ci/postgres-image) and names it in ImageVariable.
    public const string DefaultImage = "postgres:15";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ReachableWithin = TimeSpan.FromSeconds(30);

    public static string Image =>
        Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : DefaultImage;

    /// <exception cref="DockerUnavailableException">No Docker engine answers.</exception>
    public static async Task<ServerAddress> StartAsync()
    {
        string image = Image;
        long started = Stopwatch.GetTimestamp();
        // A password of its own, so that a test can tell it apart from anything else in a log.
        PostgreSqlContainer container = new PostgreSqlBuilder(image)
            .WithPassword($"ltv-test-{Guid.NewGuid():N}")
            .Build();
        try
        {
            // An image that never gets ready should fall back to the private cluster rather than hold up the run.
            using var timeout = new CancellationTokenSource(StartTimeout);
            await container.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Connections go over TCP through docker-proxy, one more process to schedule: in a CI run here (2 cores, load
        // above 20) two dozen `ltv` processes connecting at once overran Npgsql's default 15 s.
        var builder = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Timeout = 60 };
        try
        {
            await ProveReachableAsync(builder.ConnectionString).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Ryuk, which would remove it otherwise, cannot run where no registry is reachable.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();

        return new ServerAddress(
            builder.ConnectionString,
            builder.Database ?? "postgres",
            $"a Testcontainers PostgreSQL container from image {image} (container {container.Id[..12]}, "
            + $"Host={builder.Host}; Port={builder.Port}; started in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
    }

    // Readiness is pg_isready inside the container; the tests connect from outside, through the published port. A
    // CI run here once had a ready container whose port led nowhere (another engine held the same bridge), and every
    // test then failed on its first connection. One query from outside settles it before any test relies on it.
    private static async Task ProveReachableAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 10 };
        DateTime giveUpAt = DateTime.UtcNow + ReachableWithin;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && DateTime.UtcNow < giveUpAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"the container is ready inside but its port {builder.Host}:{builder.Port} takes no connection ({exception.Message})",
                    exception);
            }
        }
    }
}
