using System.Runtime.Versioning;
using System.Text;
using Npgsql;

namespace Ltv.Host.LocalPostgres;

// A private PostgreSQL cluster made from the server binaries installed on the machine, so that a
// first command works with no set-up. It is left running when the process exits: the next command
// then only needs to connect.
public sealed class LocalPostgresCluster
{
    public const string ApplicationDatabase = "ltv";
    public const string SocketFolderName = "socket";

    // The cluster's superuser; trust authentication is safe because only the owner can reach the socket.
    public const string UserName = "ltv";

    // sun_path holds 108 bytes including the terminating NUL.
    private const int MaxSocketPathBytes = 107;
    private const string MaintenanceDatabase = "postgres";

    private readonly LocalPostgresOptions _options;

    public LocalPostgresCluster()
        : this(LocalPostgresOptions.FromEnvironment())
    {
    }

    public LocalPostgresCluster(LocalPostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        DataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
    }

    public string DataDirectory { get; }

    public string SocketDirectory => Path.Combine(DataDirectory, SocketFolderName);

    private string LockFile => DataDirectory + ".lock";

    // Creates the cluster on first use, starts it if needed, creates the application database,
    // and returns its connection string. Safe to call from several processes at once.
    public async Task<string> EnsureStartedAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new LocalPostgresException("The built-in PostgreSQL cluster needs Linux or macOS: set LTV_CONNECTION");
        }

        NpgsqlConnection? admin = await TryOpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
        if (admin is null)
        {
            using ClusterLock held = await ClusterLock.AcquireAsync(LockFile, _options.LockTimeout, cancellationToken)
                .ConfigureAwait(false);
            admin = await TryOpenMaintenanceAsync(cancellationToken).ConfigureAwait(false)
                ?? await BootstrapAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (admin.ConfigureAwait(false))
        {
            await MaintenanceConnection.CreateDatabaseIfMissingAsync(admin, ApplicationDatabase, cancellationToken).ConfigureAwait(false);
        }

        return ConnectionStringFor(ApplicationDatabase);
    }

    // For another database on the same server (tests make their own). Call EnsureStartedAsync first.
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory,
            Port = _options.Port,
            Username = UserName,
            Database = database,
            Pooling = true,
            // Leaves room for several processes (CLI, server, parallel tests) under max_connections = 100.
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 60,
            // The server is private and trusted; full error details make failures easier to read.
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows() || !ClusterInitializer.IsInitialized(DataDirectory))
        {
            return;
        }

        using ClusterLock held = await ClusterLock.AcquireAsync(LockFile, _options.LockTimeout, cancellationToken)
            .ConfigureAwait(false);
        PostgresBinaries binaries = await PostgresBinaries.LocateAsync(_options.BinDirectory, cancellationToken)
            .ConfigureAwait(false);
        await new ClusterProcess(binaries, _options, DataDirectory).StopAsync(cancellationToken).ConfigureAwait(false);
    }

    // Runs under the cluster lock.
    [UnsupportedOSPlatform("windows")]
    private async Task<NpgsqlConnection> BootstrapAsync(CancellationToken cancellationToken)
    {
        string socketPath = Path.Combine(SocketDirectory, $".s.PGSQL.{_options.Port}");
        if (Encoding.UTF8.GetByteCount(socketPath) > MaxSocketPathBytes)
        {
            throw new LocalPostgresException(
                $"The path {socketPath} is too long for a Unix socket: set {LocalPostgresOptions.DataDirectoryVariable} to a shorter folder");
        }

        if (_options.ServiceAccount is { } account)
        {
            await ServiceAccount.EnsureExistsAsync(account, cancellationToken).ConfigureAwait(false);
        }

        PostgresBinaries binaries = await PostgresBinaries.LocateAsync(_options.BinDirectory, cancellationToken)
            .ConfigureAwait(false);
        await new ClusterInitializer(binaries, _options, DataDirectory).EnsureInitializedAsync(cancellationToken)
            .ConfigureAwait(false);
        var process = new ClusterProcess(binaries, _options, DataDirectory);
        if (!process.IsRunning())
        {
            await ClusterSettings.WriteTuningAsync(DataDirectory, ClusterMemory.ForThisMachine(), cancellationToken)
                .ConfigureAwait(false);
            if (_options.ServiceAccount is { } owner)
            {
                await ServiceAccount.GiveAsync(owner, Path.Combine(DataDirectory, ClusterSettings.TuningFileName), recursive: false, cancellationToken)
                    .ConfigureAwait(false);
            }

            await process.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        return await WaitUntilAcceptingAsync(process, cancellationToken).ConfigureAwait(false);
    }

    // pg_ctl -w has already waited after a start; this also covers a server found mid-startup or recovery.
    private async Task<NpgsqlConnection> WaitUntilAcceptingAsync(ClusterProcess process, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            try
            {
                return await OpenMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw new LocalPostgresException(
                    $"The local PostgreSQL server in {DataDirectory} does not accept connections: {ex.Message}",
                    $"server.log:{Environment.NewLine}{process.LogTail()}",
                    ex);
            }
        }
    }

    private Task<NpgsqlConnection?> TryOpenMaintenanceAsync(CancellationToken cancellationToken) =>
        MaintenanceConnection.TryOpenAsync(ConnectionStringFor(MaintenanceDatabase), cancellationToken);

    private Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken cancellationToken) =>
        MaintenanceConnection.OpenAsync(ConnectionStringFor(MaintenanceDatabase), cancellationToken);
}
