using Ltv.Host.LocalPostgres;

namespace Ltv.Host.Tests.LocalPostgres;

// A throw-away cluster under /tmp for tests that must create, break or stop one. Disposing stops
// it and deletes its folder, so only the real default cluster outlives a test run.
public sealed class TemporaryCluster : IAsyncDisposable
{
    public TemporaryCluster()
    {
        // World-traversable parent: as root the cluster belongs to the postgres account, which must reach it.
        Folder = Path.Combine(Path.GetTempPath(), $"ltv-pg-test-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Folder);
        Options = LocalPostgresOptions.FromEnvironment() with { DataDirectory = Path.Combine(Folder, "postgres") };
    }

    public string Folder { get; }

    public LocalPostgresOptions Options { get; }

    public string DataDirectory => Options.DataDirectory;

    public LocalPostgresCluster NewCluster() => new(Options);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await NewCluster().StopAsync();
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
