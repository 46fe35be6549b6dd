using System.Diagnostics;
using System.Globalization;

namespace Ltv.Host.LocalPostgres;

// Starts and stops the postmaster with pg_ctl, and clears lock files a machine restart left behind.
internal sealed class ClusterProcess(PostgresBinaries binaries, LocalPostgresOptions options, string dataDirectory)
{
    private const int LogTailLines = 20;

    private readonly string? _runAs = options.ServiceAccount;

    private string PidFile => Path.Combine(dataDirectory, "postmaster.pid");

    private string SocketLockFile =>
        Path.Combine(dataDirectory, LocalPostgresCluster.SocketFolderName, $".s.PGSQL.{options.Port}.lock");

    private string LogFile => Path.Combine(dataDirectory, "server.log");

    private TimeSpan CommandTimeout => options.StartTimeout + TimeSpan.FromSeconds(15);

    // True when postmaster.pid names a live postgres process: it may be starting or recovering.
    public bool IsRunning() => OwnerIsLivePostgres(PidFile);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // After a restart the recorded pid may belong to an unrelated process; postgres would then
        // refuse to start ("lock file already exists"), so we remove lock files whose owner is gone.
        RemoveIfStale(PidFile);
        RemoveIfStale(SocketLockFile);
        long logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        string seconds = options.StartTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        CommandResult result = await ExternalCommand.RunAsync(
            _runAs,
            binaries.PgCtl,
            ["-D", dataDirectory, "-l", LogFile, "-w", "-t", seconds, "start"],
            CommandTimeout,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL server in {dataDirectory} did not start: {LastProblem(logStart) ?? result.LastLine()}",
                $"{result.StandardError}{result.StandardOutput}{Environment.NewLine}server.log:{Environment.NewLine}{LogTail(logStart)}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(PidFile))
        {
            return;
        }

        string seconds = options.StartTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        CommandResult result = await ExternalCommand.RunAsync(
            _runAs, binaries.PgCtl, ["-D", dataDirectory, "-m", "fast", "-w", "-t", seconds, "stop"], CommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded && IsRunning())
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL server in {dataDirectory} did not stop: {result.LastLine()}",
                $"{result.StandardError}{Environment.NewLine}server.log:{Environment.NewLine}{LogTail()}");
        }
    }

    // The log grows across restarts; from an offset, only what this attempt wrote is shown.
    public string LogTail(long fromOffset = 0)
    {
        try
        {
            if (!File.Exists(LogFile))
            {
                return "";
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(fromOffset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            string[] lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(Environment.NewLine, lines.TakeLast(LogTailLines));
        }
        catch (IOException ex)
        {
            return $"(could not read {LogFile}: {ex.Message})";
        }
    }

    // The last FATAL or PANIC line names the cause; the lines after it are just the shutdown.
    private string? LastProblem(long fromOffset)
    {
        string[] markers = ["PANIC:", "FATAL:"];
        return LogTail(fromOffset)
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => markers.Select(marker => line.IndexOf(marker, StringComparison.Ordinal)).Where(at => at >= 0)
                .Select(at => line[at..]).FirstOrDefault())
            .LastOrDefault(problem => problem is not null);
    }

    private static void RemoveIfStale(string lockFile)
    {
        if (File.Exists(lockFile) && !OwnerIsLivePostgres(lockFile))
        {
            File.Delete(lockFile);
        }
    }

    // Both lock files start with the owner's pid. A pid counts only if that process is a postgres:
    // after a restart the number is often reused by something else entirely.
    private static bool OwnerIsLivePostgres(string lockFile)
    {
        string? firstLine;
        try
        {
            firstLine = File.Exists(lockFile) ? File.ReadLines(lockFile).FirstOrDefault() : null;
        }
        catch (IOException)
        {
            return false;
        }

        // PostgreSQL writes a negative pid for a standalone backend.
        if (!int.TryParse(firstLine, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(Math.Abs(pid));
            return process.ProcessName == "postgres" && !IsZombie(process.Id);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // No such process, or it exited while we looked.
            return false;
        }
    }

    // A killed postmaster nobody has reaped yet still answers kill(pid, 0) and keeps its name.
    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int afterName = stat.LastIndexOf(')');
            return afterName >= 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /proc (macOS) or the process is gone: nothing says it is a zombie.
            return false;
        }
    }
}
