using Ltv.Projections.Store;
using Ltv.Testing;
using Marten;

namespace Ltv.Projections.Tests.Marten;

/// <summary>A Marten store configured as the product configures it, on a test class's own database and schema.</summary>
public sealed class MartenStore : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public DocumentStore Store { get; private set; } = null!;

    public TestDatabase Database => _database;

    public string Schema { get; } = "ltv_marten";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Store = DocumentStore.For(options => options.ConfigureLtvStore(_database.ConnectionString, Schema));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Appends the events of raw input lines as ingest does, without its rejections.</summary>
    public Task AppendLinesAsync(params string[] lines) =>
        new EventLogAppender(Store).AppendAsync(LtvOracle.AcceptedEvents(lines), alongside: null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await _database.DisposeAsync();
    }
}
