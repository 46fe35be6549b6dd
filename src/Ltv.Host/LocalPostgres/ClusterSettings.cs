namespace Ltv.Host.LocalPostgres;

// The server settings of the private cluster, kept in their own file so they are easy to find.
internal static class ClusterSettings
{
    // Its presence also marks a data folder as one ltv created (and may therefore manage).
    public const string FileName = "ltv.conf";

    // Rewritten at every start, and included after FileName, so that its values win over older clusters' lines.
    public const string TuningFileName = "ltv.tuning.conf";

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

            # Memory and checkpoints are set at every start, in {TuningFileName}.
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

    /// <summary>
    /// Writes the memory settings for the machine the server is about to start on, and the checkpoint settings, and includes them in
    /// postgresql.conf the first time (clusters made by older versions of ltv lack the line). ALTER SYSTEM
    /// still wins: postgresql.auto.conf is read after postgresql.conf.
    /// </summary>
    public static async Task WriteTuningAsync(string dataDirectory, ClusterMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        string settings = $"""
            # Written by ltv at every start of the server: memory sized to this machine ({memory.MachineMb} MB).
            # Edits here are overwritten; to choose other values use ALTER SYSTEM, which wins over this file.
            shared_buffers = {memory.SharedBuffersMb}MB
            effective_cache_size = {memory.EffectiveCacheSizeMb}MB

            # Checkpoints far apart: after each one, the first change to every page writes the whole page to the WAL,
            # and an ingest changes pages all over the log's indexes. At 2GB and 5min an ingest of millions of events
            # checkpointed every 35 s (docs/PERFORMANCE.md). The WAL kept on disk grows to at most about max_wal_size.
            max_wal_size = 8GB
            checkpoint_timeout = 15min

            """;
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, TuningFileName), settings, cancellationToken)
            .ConfigureAwait(false);

        string mainFile = Path.Combine(dataDirectory, "postgresql.conf");
        string include = $"include_if_exists '{TuningFileName}'";
        string[] lines = await File.ReadAllLinesAsync(mainFile, cancellationToken).ConfigureAwait(false);
        if (!lines.Any(line => line.Trim() == include))
        {
            await File.AppendAllTextAsync(mainFile, $"{Environment.NewLine}{include}{Environment.NewLine}", cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
