namespace Ltv.Testing;

// How to reach the server a test process uses, and which one it is, in words for the test output.
internal sealed record ServerAddress(string ConnectionString, string MaintenanceDatabase, string Description);
