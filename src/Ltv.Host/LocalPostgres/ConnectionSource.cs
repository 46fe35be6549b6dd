namespace Ltv.Host.LocalPostgres;

// Where the connection string came from, in the order they are consulted.
public enum ConnectionSource
{
    CommandLine,
    EnvironmentVariable,
    Configuration,
    LocalCluster,
}

// Description is safe to print (ltv status): it names the source and server, never a password.
public sealed record ResolvedConnection(string ConnectionString, ConnectionSource Source, string Description);
