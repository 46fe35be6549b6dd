using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Ltv.Testing;

namespace Ltv.EventStore.Tests;

/// <summary>A fresh database with the store's schema and a counting projection, inline and async.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public SchemaName Schema { get; } = SchemaName.From("store_test");

    public PostgresEventStore Store { get; private set; } = null!;

    public CountingProjection Inline { get; private set; } = null!;

    public CountingProjection Async { get; private set; } = null!;

    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Inline = new CountingProjection(Schema, "inline_counts");
        Async = new CountingProjection(Schema, "async_counts");
        await ProjectionSetup.EnsureAsync(DataSource, Schema, [], [Inline], [Async], CancellationToken.None);
        Store = new PostgresEventStore(DataSource, Schema, [Inline]);
    }

    public AsyncProjectionRunner Runner(int batchSize = 1000) => new(DataSource, Schema, Async, batchSize);

    public Task DisposeAsync() => _database.DisposeAsync();
}
