using System.Runtime.Versioning;

namespace Ltv.Host.LocalPostgres;

// Creates the data folder with initdb. It builds the cluster in a staging folder beside the target and
// renames it into place only when complete, so a crash half-way leaves nothing that looks finished.
[UnsupportedOSPlatform("windows")]
internal sealed class ClusterInitializer(PostgresBinaries binaries, LocalPostgresOptions options, string dataDirectory)
{
    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromMinutes(3);

    private readonly string? _runAs = options.ServiceAccount;

    public static bool IsInitialized(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    // Call while holding the cluster lock.
    public async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (IsInitialized(dataDirectory))
        {
            // Never start (let alone change) a cluster someone else made and pointed LTV_DATA_DIR at.
            if (!File.Exists(Path.Combine(dataDirectory, ClusterSettings.FileName)))
            {
                throw new LocalPostgresException(
                    $"{dataDirectory} holds a PostgreSQL cluster that ltv did not create: choose another {LocalPostgresOptions.DataDirectoryVariable}");
            }

            return;
        }

        RemoveEmptyTarget();
        string staging = dataDirectory + ".initializing";
        if (Directory.Exists(staging))
        {
            // Left by an attempt that crashed; we hold the lock, so nobody else is using it.
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (_runAs is not null)
        {
            await ServiceAccount.GiveAsync(_runAs, staging, recursive: false, cancellationToken).ConfigureAwait(false);
        }

        string localeArgument = await HasUtf8CLocaleAsync(cancellationToken).ConfigureAwait(false)
            ? "--locale=C.UTF-8"
            : "--no-locale";
        try
        {
            // Checksums catch silent corruption on disk, in keeping with the product's durability promise.
            await ExternalCommand.RunCheckedAsync(
                _runAs,
                binaries.Initdb,
                ["-D", staging, "-U", LocalPostgresCluster.UserName, "--auth=trust", "-E", "UTF8", localeArgument, "--data-checksums"],
                InitdbTimeout,
                cancellationToken).ConfigureAwait(false);
        }
        catch (LocalPostgresException ex) when (_runAs is not null && ex.Message.Contains("Permission denied", StringComparison.Ordinal))
        {
            throw new LocalPostgresException(
                $"The {_runAs} account cannot reach {staging}: choose an {LocalPostgresOptions.DataDirectoryVariable} outside private folders such as /root",
                ex.Details,
                ex);
        }

        // Paths in the settings are the final ones: the folder is renamed, not copied.
        string socketDirectory = Path.Combine(dataDirectory, LocalPostgresCluster.SocketFolderName);
        await ClusterSettings.WriteAsync(staging, socketDirectory, options.Port, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(
            Path.Combine(staging, LocalPostgresCluster.SocketFolderName),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (_runAs is not null)
        {
            await ServiceAccount.GiveAsync(_runAs, staging, recursive: true, cancellationToken).ConfigureAwait(false);
        }

        Directory.Move(staging, dataDirectory);
    }

    private void RemoveEmptyTarget()
    {
        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
            return;
        }

        if (Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new LocalPostgresException(
                $"{dataDirectory} is not empty and is not a PostgreSQL cluster: empty it or choose another {LocalPostgresOptions.DataDirectoryVariable}");
        }

        // An empty folder (e.g. a fresh temporary one) is replaced by the staged cluster.
        Directory.Delete(dataDirectory);
    }

    // C.UTF-8 sorts by code point like C but keeps UTF-8 character classes; not every system has it.
    private static async Task<bool> HasUtf8CLocaleAsync(CancellationToken cancellationToken)
    {
        try
        {
            CommandResult result = await ExternalCommand
                .RunAsync(null, "locale", ["-a"], TimeSpan.FromSeconds(10), cancellationToken)
                .ConfigureAwait(false);
            return result.Succeeded && result.StandardOutput
                .Split('\n', StringSplitOptions.TrimEntries)
                .Any(name => name.Equals("C.UTF-8", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("C.utf8", StringComparison.OrdinalIgnoreCase));
        }
        catch (LocalPostgresException)
        {
            return false;
        }
    }
}
