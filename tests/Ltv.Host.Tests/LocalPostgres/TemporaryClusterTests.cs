using Ltv.Host.LocalPostgres;
using static Ltv.Host.Tests.LocalPostgres.Sql;

namespace Ltv.Host.Tests.LocalPostgres;

// Creating, racing, crashing and refusing clusters, each on a throw-away cluster under /tmp.
public sealed class TemporaryClusterTests : IAsyncLifetime
{
    private readonly TemporaryCluster _temporary = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _temporary.DisposeAsync();

    [Fact]
    public async Task concurrent_bootstraps_all_succeed_and_share_one_new_cluster()
    {
        string[] connectionStrings = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => _temporary.NewCluster().EnsureStartedAsync())));

        connectionStrings.Distinct().ShouldHaveSingleItem();
        var startTimes = new List<DateTime>();
        foreach (string connectionString in connectionStrings)
        {
            startTimes.Add(await ScalarAsync<DateTime>(connectionString, "SELECT pg_postmaster_start_time()"));
        }

        startTimes.Distinct().ShouldHaveSingleItem();
        (await ScalarAsync<string>(connectionStrings[0], "SHOW data_checksums")).ShouldBe("on");
        Directory.Exists(_temporary.DataDirectory + ".initializing").ShouldBeFalse();
        Directory.GetDirectories(_temporary.Folder).ShouldBe([_temporary.DataDirectory]);
    }

    [Fact]
    public async Task a_cluster_stopped_and_started_again_keeps_its_data()
    {
        string connectionString = await _temporary.NewCluster().EnsureStartedAsync();
        await ExecuteAsync(connectionString, "CREATE TABLE kept AS SELECT 42 AS answer");

        await _temporary.NewCluster().StopAsync();
        ForgetPooledConnections(connectionString);
        File.Exists(Path.Combine(_temporary.DataDirectory, "postmaster.pid")).ShouldBeFalse();
        string again = await _temporary.NewCluster().EnsureStartedAsync();

        (await ScalarAsync<int>(again, "SELECT answer FROM kept")).ShouldBe(42);
    }

    [Fact]
    public async Task lock_files_naming_a_process_that_is_not_postgres_do_not_block_start()
    {
        string connectionString = await _temporary.NewCluster().EnsureStartedAsync();
        string pidFile = Path.Combine(_temporary.DataDirectory, "postmaster.pid");
        string socketLock = Path.Combine(_temporary.DataDirectory, "socket", ".s.PGSQL.5432.lock");
        string[] pidFileLines = await File.ReadAllLinesAsync(pidFile);
        string[] socketLockLines = await File.ReadAllLinesAsync(socketLock);
        await _temporary.NewCluster().StopAsync();
        ForgetPooledConnections(connectionString);

        // As after a machine restart: the recorded pid now belongs to some unrelated live process.
        string reusedPid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(pidFile, [reusedPid, .. pidFileLines.Skip(1)]);
        await File.WriteAllLinesAsync(socketLock, [reusedPid, .. socketLockLines.Skip(1)]);

        string again = await _temporary.NewCluster().EnsureStartedAsync();

        again.ShouldBe(connectionString);
        (await ScalarAsync<int>(again, "SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task a_data_folder_holding_something_else_is_refused_with_a_clear_message()
    {
        Directory.CreateDirectory(_temporary.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(_temporary.DataDirectory, "notes.txt"), "mine");

        var error = await Should.ThrowAsync<LocalPostgresException>(() => _temporary.NewCluster().EnsureStartedAsync());

        error.Message.ShouldContain("is not empty and is not a PostgreSQL cluster");
        File.Exists(Path.Combine(_temporary.DataDirectory, "notes.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task a_binary_folder_without_the_server_is_reported_with_what_to_do()
    {
        var cluster = new LocalPostgresCluster(_temporary.Options with { BinDirectory = _temporary.Folder });

        var error = await Should.ThrowAsync<LocalPostgresException>(() => cluster.EnsureStartedAsync());

        error.Message.ShouldContain($"{LocalPostgresOptions.BinDirectoryVariable}={_temporary.Folder} does not contain initdb");
    }

    [Fact]
    public async Task a_server_that_cannot_start_is_reported_with_the_tail_of_its_log()
    {
        await _temporary.NewCluster().EnsureStartedAsync();
        await _temporary.NewCluster().StopAsync();
        await File.AppendAllTextAsync(Path.Combine(_temporary.DataDirectory, "ltv.conf"), "max_connections = 'lots'\n");

        var error = await Should.ThrowAsync<LocalPostgresException>(() => _temporary.NewCluster().EnsureStartedAsync());

        error.Message.ShouldContain("did not start: FATAL:");
        error.Details.ShouldNotBeNull().ShouldContain("max_connections");
        File.Exists(Path.Combine(_temporary.DataDirectory, "postmaster.pid")).ShouldBeFalse();
    }

    [Fact]
    public async Task a_new_cluster_sizes_its_shared_buffers_to_the_machine()
    {
        string connectionString = await _temporary.NewCluster().EnsureStartedAsync();

        (await SharedBuffersMbAsync(connectionString)).ShouldBe(ClusterMemory.ForThisMachine().SharedBuffersMb);
    }

    [Fact]
    public async Task a_cluster_made_by_an_older_ltv_gets_machine_sized_memory_at_its_next_start()
    {
        string connectionString = await _temporary.NewCluster().EnsureStartedAsync();
        await _temporary.NewCluster().StopAsync();
        ForgetPooledConnections(connectionString);
        // As an older ltv left it: a fixed shared_buffers in ltv.conf and no memory file or include line.
        string mainFile = Path.Combine(_temporary.DataDirectory, "postgresql.conf");
        await File.WriteAllLinesAsync(mainFile, (await File.ReadAllLinesAsync(mainFile)).Where(line => !line.Contains("ltv.tuning.conf")));
        File.Delete(Path.Combine(_temporary.DataDirectory, "ltv.tuning.conf"));
        await File.AppendAllTextAsync(Path.Combine(_temporary.DataDirectory, "ltv.conf"), "shared_buffers = 200MB\n");

        string again = await _temporary.NewCluster().EnsureStartedAsync();

        (await SharedBuffersMbAsync(again)).ShouldBe(ClusterMemory.ForThisMachine().SharedBuffersMb);
        (await ScalarAsync<string>(again, "SHOW max_wal_size")).ShouldBe("8GB");
        (await File.ReadAllLinesAsync(mainFile)).Count(line => line.Contains("ltv.tuning.conf")).ShouldBe(1);
    }

    [Fact]
    public async Task alter_system_wins_over_the_machine_sized_memory()
    {
        string connectionString = await _temporary.NewCluster().EnsureStartedAsync();
        await ExecuteAsync(connectionString, "ALTER SYSTEM SET shared_buffers = '200MB'");
        await _temporary.NewCluster().StopAsync();
        ForgetPooledConnections(connectionString);

        string again = await _temporary.NewCluster().EnsureStartedAsync();

        (await SharedBuffersMbAsync(again)).ShouldBe(200);
    }

    // pg_settings gives shared_buffers in 8 kB pages.
    private static async Task<long> SharedBuffersMbAsync(string connectionString) =>
        await ScalarAsync<long>(connectionString, "SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'");
}
