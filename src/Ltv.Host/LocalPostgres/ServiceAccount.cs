namespace Ltv.Host.LocalPostgres;

// The system account a root-run tool hands the cluster to, since PostgreSQL will not run as root.
internal static class ServiceAccount
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public static async Task EnsureExistsAsync(string account, CancellationToken cancellationToken)
    {
        CommandResult lookup = await ExternalCommand
            .RunAsync(null, "id", ["-u", account], CommandTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (lookup.Succeeded)
        {
            return;
        }

        // Same shape as the account Debian's postgresql package creates, minus a login shell.
        await ExternalCommand.RunCheckedAsync(
            null,
            "useradd",
            ["--system", "--user-group", "--no-create-home", "--home-dir", "/var/lib/postgresql",
             "--shell", "/usr/sbin/nologin", "--comment", "PostgreSQL administrator", account],
            CommandTimeout,
            cancellationToken).ConfigureAwait(false);
    }

    public static Task GiveAsync(string account, string path, bool recursive, CancellationToken cancellationToken)
    {
        // "account:" means the account's own login group.
        string[] arguments = recursive ? ["-R", $"{account}:", path] : [$"{account}:", path];
        return ExternalCommand.RunCheckedAsync(null, "chown", arguments, CommandTimeout, cancellationToken);
    }
}
