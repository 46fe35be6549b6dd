namespace Ltv.Host.LocalPostgres;

// Serialises initdb and start between processes (parallel test runs, two CLI commands at once).
// FileShare.None takes an flock on Linux; the kernel drops it if the holder dies, so it never goes stale.
internal sealed class ClusterLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private ClusterLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<ClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new LocalPostgresException(
                    $"Timed out after {timeout.TotalSeconds:0} s waiting for another process to finish starting the local PostgreSQL cluster (lock {path})",
                    innerException: ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
