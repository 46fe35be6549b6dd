namespace Ltv.Host.LocalPostgres;

// The server settings of the private cluster, kept in their own file so they are easy to find.
internal static class ClusterSettings
{
    // Its presence also marks a data folder as one ltv created (and may therefore manage).
    public const string FileName = "ltv.conf";

    public static async Task WriteAsync(string dataDirectory, string socketDirectory, int port, CancellationToken cancellationToken)
    {
        string settings = $"""
            # Written by ltv when it created this cluster. Later lines in this file win.

            # Unix socket only, in a folder only the cluster's owner can enter: nobody else on the
            # machine can reach the server, which is what makes trust authentication acceptable.
            listen_addresses = ''
            unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'
            unix_socket_permissions = 0700
            port = {port}
            max_connections = 100

            shared_buffers = 256MB
            max_wal_size = 2GB
            wal_compression = on

            # Durability is the product's promise: never trade it for speed here.
            fsync = on
            synchronous_commit = on
            full_page_writes = on

            """;
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, FileName), settings, cancellationToken)
            .ConfigureAwait(false);
        await File.AppendAllTextAsync(
            Path.Combine(dataDirectory, "postgresql.conf"),
            $"{Environment.NewLine}include '{FileName}'{Environment.NewLine}",
            cancellationToken).ConfigureAwait(false);
    }
}
