using System.Globalization;

namespace Ltv.Host.LocalPostgres;

// The PostgreSQL server programs the private cluster is made and run with.
internal sealed record PostgresBinaries(string Directory)
{
    private const string NotFound =
        "PostgreSQL server binaries not found: install the 'postgresql' package or set LTV_CONNECTION";

    public string Initdb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    // LTV_PG_BIN (via options) wins; then the newest Debian/Ubuntu versioned folder; then pg_config.
    public static async Task<PostgresBinaries> LocateAsync(string? configured, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return HasServer(configured)
                ? new PostgresBinaries(configured)
                : throw new LocalPostgresException(
                    $"{LocalPostgresOptions.BinDirectoryVariable}={configured} does not contain initdb and pg_ctl: fix it or unset it");
        }

        string? found = NewestVersionedFolder("/usr/lib/postgresql")
            ?? await FromPgConfigAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? throw new LocalPostgresException(NotFound) : new PostgresBinaries(found);
    }

    private static string? NewestVersionedFolder(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(root)
            .Select(folder => (Folder: folder, Version: VersionOf(Path.GetFileName(folder))))
            .Where(candidate => candidate.Version is not null && HasServer(Path.Combine(candidate.Folder, "bin")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "bin"))
            .FirstOrDefault();
    }

    // Folder names are "15", "16", or "9.6" on old systems; compare them as versions, not strings.
    private static Version? VersionOf(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            ? new Version(major, 0)
            : Version.TryParse(name, out Version? version) ? version : null;

    private static async Task<string?> FromPgConfigAsync(CancellationToken cancellationToken)
    {
        try
        {
            CommandResult result = await ExternalCommand
                .RunAsync(null, "pg_config", ["--bindir"], TimeSpan.FromSeconds(10), cancellationToken)
                .ConfigureAwait(false);
            string folder = result.StandardOutput.Trim();
            return result.Succeeded && HasServer(folder) ? folder : null;
        }
        catch (LocalPostgresException)
        {
            // No pg_config on PATH: fall through to the "not found" message, which says what to do.
            return null;
        }
    }

    private static bool HasServer(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}
