using System.Diagnostics;
using System.Runtime.Versioning;
using Ltv.Host.LocalPostgres;
using Npgsql;
using static Ltv.Host.Tests.LocalPostgres.Sql;

namespace Ltv.Host.Tests.LocalPostgres;

// These run against the real default cluster, the one the tool itself uses; it stays running.
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresClusterTests
{
    [Fact]
    public async Task the_bootstrap_yields_a_working_server_of_the_installed_version()
    {
        var cluster = new LocalPostgresCluster();
        string connectionString = await cluster.EnsureStartedAsync();

        string version = await ScalarAsync<string>(connectionString, "SELECT version()");

        string major = (await File.ReadAllTextAsync(Path.Combine(cluster.DataDirectory, "PG_VERSION"))).Trim();
        version.ShouldStartWith($"PostgreSQL {major}");
        (await ScalarAsync<string>(connectionString, "SELECT current_database()")).ShouldBe(LocalPostgresCluster.ApplicationDatabase);
    }

    [Fact]
    public async Task a_second_bootstrap_is_fast_and_changes_nothing()
    {
        string first = await new LocalPostgresCluster().EnsureStartedAsync();
        DateTime startedAt = await ScalarAsync<DateTime>(first, "SELECT pg_postmaster_start_time()");

        var stopwatch = Stopwatch.StartNew();
        string second = await new LocalPostgresCluster().EnsureStartedAsync();
        stopwatch.Stop();

        second.ShouldBe(first);
        (await ScalarAsync<DateTime>(second, "SELECT pg_postmaster_start_time()")).ShouldBe(startedAt);
        // Only a connection and one query: generous bound for a noisy 2-core machine.
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task durability_settings_stay_on()
    {
        string connectionString = await new LocalPostgresCluster().EnsureStartedAsync();

        (await ScalarAsync<string>(connectionString, "SHOW fsync")).ShouldBe("on");
        (await ScalarAsync<string>(connectionString, "SHOW synchronous_commit")).ShouldBe("on");
        (await ScalarAsync<string>(connectionString, "SHOW full_page_writes")).ShouldBe("on");
    }

    [Fact]
    public async Task the_server_listens_on_no_tcp_port_only_on_a_private_socket()
    {
        var cluster = new LocalPostgresCluster();
        string connectionString = await cluster.EnsureStartedAsync();

        (await ScalarAsync<string>(connectionString, "SHOW listen_addresses")).ShouldBeEmpty();
        (await ScalarAsync<string>(connectionString, "SHOW unix_socket_directories")).ShouldBe(cluster.SocketDirectory);
        File.GetUnixFileMode(cluster.SocketDirectory).ShouldBe(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task connection_strings_for_other_databases_differ_only_in_the_database()
    {
        var cluster = new LocalPostgresCluster();
        string application = await cluster.EnsureStartedAsync();

        var other = new NpgsqlConnectionStringBuilder(cluster.ConnectionStringFor("postgres"));

        other.Database.ShouldBe("postgres");
        other.Database = LocalPostgresCluster.ApplicationDatabase;
        other.ConnectionString.ShouldBe(application);
        (await ScalarAsync<string>(cluster.ConnectionStringFor("postgres"), "SELECT current_database()")).ShouldBe("postgres");
    }
}
