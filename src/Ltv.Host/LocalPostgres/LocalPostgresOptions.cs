namespace Ltv.Host.LocalPostgres;

// Where the private cluster lives and which account runs it. FromEnvironment gives the defaults;
// tests take those and point DataDirectory at a temporary folder with a `with` expression.
public sealed record LocalPostgresOptions
{
    public const string DataDirectoryVariable = "LTV_DATA_DIR";
    public const string BinDirectoryVariable = "LTV_PG_BIN";

    // PostgreSQL refuses to run as root, so root's cluster belongs to this system account.
    public const string RootServiceAccount = "postgres";

    public required string DataDirectory { get; init; }

    // Null: discover the installed server binaries (see PostgresBinaries).
    public string? BinDirectory { get; init; }

    // The account that owns the data folder and runs initdb/pg_ctl; null means the current user.
    public string? ServiceAccount { get; init; }

    // The socket folder is private to the cluster, so the standard port cannot clash with anything.
    public int Port { get; init; } = 5432;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    // Long enough for another process to run initdb and start the server on a slow machine.
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public static LocalPostgresOptions FromEnvironment() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.UserName);

    // Environment.UserName reflects the effective uid, which is what PostgreSQL checks.
    public static LocalPostgresOptions Resolve(Func<string, string?> environment, string userName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bool isRoot = userName == "root";
        string dataDirectory = NonBlank(environment(DataDirectoryVariable)) ?? DefaultDataDirectory(environment, isRoot);
        return new LocalPostgresOptions
        {
            DataDirectory = Path.GetFullPath(dataDirectory),
            BinDirectory = NonBlank(environment(BinDirectoryVariable)),
            ServiceAccount = isRoot ? RootServiceAccount : null,
        };
    }

    private static string DefaultDataDirectory(Func<string, string?> environment, bool isRoot)
    {
        if (isRoot)
        {
            return "/var/lib/ltv/postgres";
        }

        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        string? dataHome = NonBlank(environment("XDG_DATA_HOME"));
        if (dataHome is not null && Path.IsPathRooted(dataHome))
        {
            return Path.Combine(dataHome, "ltv", "postgres");
        }

        string? home = NonBlank(environment("HOME"))
            ?? NonBlank(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        return home is null
            ? throw new LocalPostgresException(
                $"Cannot choose a folder for the local PostgreSQL cluster: set HOME or {DataDirectoryVariable}")
            : Path.Combine(home, ".local", "share", "ltv", "postgres");
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
