using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Ltv.Testing;
using Npgsql;

namespace Ltv.EventStore.Tests;

/// <summary>One database; each test gets a schema of its own with the projections it needs.</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>A fresh schema with the store's tables; register projections in it with ProjectionSetup.</summary>
    public async Task<(SchemaName Schema, PostgresEventStore Store)> NewStoreAsync()
    {
        var schema = SchemaName.From("d_" + Guid.NewGuid().ToString("N")[..16]);
        await ProjectionSetup.EnsureAsync(DataSource, schema, [], [], [], default);
        return (schema, new PostgresEventStore(DataSource, schema, []));
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// Runs a daemon in the background for the length of a using block. Disposing it is a hard stop (a batch in
/// flight rolls back), like a killed process; <see cref="StopGracefullyAsync"/> lets the batch finish.
/// </summary>
public sealed class RunningDaemon : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _running;

    public RunningDaemon(NpgsqlDataSource dataSource, SchemaName schema, params IProjection[] projections)
    {
        var daemon = new ProjectionDaemon(dataSource, schema, projections, new DaemonOptions(BatchSize: 3, PollInterval: TimeSpan.FromMilliseconds(50)));
        _running = Task.Run(() => daemon.RunAsync(_stop.Token, _abort.Token));
    }

    /// <summary>Asks the daemon to stop; returns the task that ends when it has.</summary>
    public Task StopGracefullyAsync()
    {
        _stop.Cancel();
        return _running;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _abort.CancelAsync();
        await _running;
        _stop.Dispose();
        _abort.Dispose();
    }
}
