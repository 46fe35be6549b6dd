using Npgsql;

namespace Ltv.Host.LocalPostgres;

// --connection, then LTV_CONNECTION, then configuration, then the private local cluster.
public sealed class ConnectionResolver
{
    public const string EnvironmentVariable = "LTV_CONNECTION";

    private readonly Func<string, string?> _environment;
    private readonly Func<LocalPostgresCluster> _localCluster;

    public ConnectionResolver()
        : this(Environment.GetEnvironmentVariable, () => new LocalPostgresCluster())
    {
    }

    // The cluster is made lazily: resolving to an explicit connection must not touch the local one.
    public ConnectionResolver(Func<string, string?> environment, Func<LocalPostgresCluster> localCluster)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(localCluster);
        _environment = environment;
        _localCluster = localCluster;
    }

    public async Task<ResolvedConnection> ResolveAsync(
        string? commandLineValue, string? configurationValue, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(commandLineValue))
        {
            return Given(commandLineValue, ConnectionSource.CommandLine, "--connection");
        }

        string? fromEnvironment = _environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Given(fromEnvironment, ConnectionSource.EnvironmentVariable, $"environment variable {EnvironmentVariable}");
        }

        if (!string.IsNullOrWhiteSpace(configurationValue))
        {
            return Given(configurationValue, ConnectionSource.Configuration, "configuration");
        }

        LocalPostgresCluster cluster = _localCluster();
        string connectionString = await cluster.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        return new ResolvedConnection(
            connectionString, ConnectionSource.LocalCluster, $"local cluster in {cluster.DataDirectory} ({Summary(connectionString)})");
    }

    private static ResolvedConnection Given(string connectionString, ConnectionSource source, string origin)
    {
        string summary;
        try
        {
            summary = Summary(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Do not echo the string itself: it may hold a password.
            throw new ArgumentException($"The connection string from {origin} is not valid: {ex.Message}", ex);
        }

        return new ResolvedConnection(connectionString, source, $"{origin} ({summary})");
    }

    private static string Summary(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={builder.Host}; Port={builder.Port}; Database={builder.Database}; Username={builder.Username}";
    }
}
