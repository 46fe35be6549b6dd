namespace Ltv.Host.LocalPostgres;

// Description is safe to print (ltv status): it names the source and server, never a password.
public sealed record ResolvedConnection(string ConnectionString, ConnectionSource Source, string Description);
