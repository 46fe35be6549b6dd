using Npgsql;
using Xunit.Abstractions;

namespace Ltv.Testing;

// An xunit class fixture: a fresh, uniquely named database for one test class, dropped afterwards.
// xunit passes its diagnostic sink, through which the test output says which server the tests use.
public sealed class TestDatabase(IMessageSink? diagnostics = null) : IAsyncLifetime
{
    private PostgresServer? _server;
    private NpgsqlDataSource? _dataSource;

    public string Name { get; } = PostgresServer.NewTestDatabaseName(DateTime.UtcNow);

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("TestDatabase is used before xunit initialised it");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync().ConfigureAwait(false);
        ServerNotice.ShowIn(diagnostics);
        await _server.CreateDatabaseAsync(Name).ConfigureAwait(false);
        ConnectionString = _server.ConnectionStringFor(Name);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DropDatabaseAsync(Name).ConfigureAwait(false);
        }
    }
}
