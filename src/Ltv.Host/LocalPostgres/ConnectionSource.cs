namespace Ltv.Host.LocalPostgres;

// Where the connection string came from, in the order they are consulted.
public enum ConnectionSource
{
    CommandLine,
    EnvironmentVariable,
    Configuration,
    LocalCluster,
}
