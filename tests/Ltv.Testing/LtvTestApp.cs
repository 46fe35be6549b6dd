using System.Text;
using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Ltv.Host.Composition;
using Ltv.Host.Ingestion;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Xunit.Abstractions;

namespace Ltv.Testing;

/// <summary>
/// The product's services on a fresh database of their own, wired exactly as the CLI wires them:
/// the integration tests' way in.
/// </summary>
public sealed class LtvTestApp(IMessageSink? diagnostics = null) : IAsyncLifetime, IAsyncDisposable
{
    private readonly TestDatabase _database = new(diagnostics);
    private IHost? _host;

    // As the product's defaults; a single public constructor keeps the class usable as an xunit fixture.
    private int _ingestWriters = LtvOptions.DefaultIngestWriters;
    private int _daemonBatchSize = LtvStoreOptions.AsyncBatchSize;

    public SchemaName Schema { get; } = SchemaName.Default;

    public TestDatabase Database => _database;

    /// <summary>An app owned by one test rather than by a class fixture (for tests that compare two stores).</summary>
    public static async Task<LtvTestApp> StartAsync(
        int ingestWriters = LtvOptions.DefaultIngestWriters, int daemonBatchSize = LtvStoreOptions.AsyncBatchSize)
    {
        var app = new LtvTestApp { _ingestWriters = ingestWriters, _daemonBatchSize = daemonBatchSize };
        await app.InitializeAsync();
        return app;
    }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = await LtvStartup.StartAsync(
            _database.ConnectionString,
            new LtvOptions(Schema, LtvSettings.Default, BatchSize: 97, IngestWriters: _ingestWriters, DaemonBatchSize: _daemonBatchSize),
            default);
    }

    public T Get<T>()
        where T : notnull => _host!.Services.GetRequiredService<T>();

    /// <summary>The bus the CLI and HTTP send their messages to.</summary>
    public IMessageBus Bus => _host!.MessageBus();

    /// <summary>Ingests lines as one NDJSON source, then catches the async read models up.</summary>
    public Task<IngestSummary> IngestLinesAsync(IEnumerable<string> lines, string name = "lines.ndjson") =>
        IngestBytesAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), name);

    public async Task<IngestSummary> IngestBytesAsync(byte[] content, string name)
    {
        using var stream = new MemoryStream(content);
        var summary = await Get<IngestPipeline>().RunAsync([new IngestSource(name, stream, content.Length)], progress: null, default);
        await CatchUpAsync();
        return summary;
    }

    public async Task<IngestSummary> IngestFileAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var summary = await Get<IngestPipeline>().RunAsync([new IngestSource(Path.GetFileName(path), stream, stream.Length)], progress: null, default);
        await CatchUpAsync();
        return summary;
    }

    /// <summary>Waits until every async projection has reached the head of the log (never a fixed delay).</summary>
    public async Task CatchUpAsync()
    {
        var results = await Get<ReadModelCatalog>().CatchUpAsync(TimeSpan.FromSeconds(60), default);
        if (results.Any(r => !r.Result.ReachedHead))
        {
            throw new TimeoutException("The async projections did not reach the head of the log within 60 s.");
        }
    }

    /// <summary>The tables of the DailyStats copy queries read now (blue until a rebuild switches).</summary>
    public async Task<DailyStatsTables> LiveDailyStatsTablesAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var live = await new LiveCopyPointer(Schema.Value).ReadAsync(connection, DailyStatsProjection.ProjectionName, default);
        return DailyStatsRegistration.TablesIn(Schema.Value, live.Copy);
    }

    public async Task<IReadOnlyList<LtvResult>> TopAsync(int x, LtvSettings settings) =>
        (await Get<TopCustomersQuery>().ExecuteAsync(x, settings, default)).Customers;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await _database.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
