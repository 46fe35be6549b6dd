using System.Diagnostics;
using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Ltv.Host.Composition;
using Ltv.Host.Ingestion;
using Ltv.Host.Top;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine;

namespace Ltv.Host.Benchmark;

/// <summary>
/// The product's own services on one schema of the benchmark database, wired as the CLI wires them, with the
/// phases the benchmark times.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchStore(IHost host, SchemaName schema)
    {
        _host = host;
        Schema = schema;
    }

    private IServiceProvider Services => _host.Services;

    public SchemaName Schema { get; }

    public IReadOnlyList<string> AsyncProjections => Services.GetRequiredService<ReadModelCatalog>().AsyncNames;

    public static async Task<BenchStore> CreateAsync(string connectionString, string schema, CancellationToken ct)
    {
        // The product's settings (LTV_INGEST_WRITERS among them), on the benchmark's own schema with the default LTV rule.
        var options = LtvOptions.FromEnvironment(Environment.GetEnvironmentVariable) with { Schema = SchemaName.From(schema), Ltv = LtvSettings.Default };
        return new BenchStore(await LtvStartup.StartAsync(connectionString, options, ct), options.Schema);
    }

    /// <summary>Ingests the file as one run; returns the run's summary and how long it took.</summary>
    public async Task<(IngestSummary Summary, TimeSpan Elapsed)> IngestAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var clock = Stopwatch.StartNew();
        var summary = await Services.GetRequiredService<IngestPipeline>().RunAsync(
            [new IngestSource(Path.GetFileName(path), file, file.Length)], progress: null, ct);
        return (summary, clock.Elapsed);
    }

    /// <summary>Brings every async projection to the head of the log.</summary>
    public async Task<TimeSpan> CatchUpAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var results = await Services.GetRequiredService<ReadModelCatalog>().CatchUpAsync(TimeSpan.FromMinutes(30), ct);
        if (results.Any(r => !r.Result.ReachedHead))
        {
            throw new InvalidOperationException("The async projections did not reach the head of the log: a transaction is open elsewhere.");
        }

        return clock.Elapsed;
    }

    /// <summary>Rebuilds a projection from the whole log (shadow tables, then the switch), as <c>ltv rebuild</c> does.</summary>
    public async Task<(long Events, TimeSpan Elapsed)> RebuildAsync(string projection, CancellationToken ct)
    {
        var result = await Services.GetRequiredService<ReadModelCatalog>().RebuildAsync(projection, progress: null, ct);
        return (result.Events, result.Elapsed);
    }

    /// <summary>
    /// The latency of <paramref name="count"/> top-10 queries per timeframe, each as the product runs it, in
    /// milliseconds. The timeframes take turns, so that whatever else the server does meanwhile falls on both alike.
    /// </summary>
    public async Task<(IReadOnlyList<double> Dataset, IReadOnlyList<double> Customer)> TopLatenciesAsync(int count, CancellationToken ct)
    {
        // Through the bus, as the CLI and HTTP send it.
        var bus = _host.MessageBus();
        GetTopCustomers[] timeframes = [new(10, Timeframe.Dataset), new(10, Timeframe.Customer)];
        // Warm up for two seconds, not a handful of queries: .NET recompiles hot methods in the background
        // (tiered compilation) for a while after their first calls, and on two cores those compiles and the
        // measured queries would share the CPU. A service answers top X for long after it starts.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 200 || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            await bus.InvokeAsync<TopCustomersAnswer>(timeframes[i % 2], ct);
        }

        var latencies = new[] { new double[count], new double[count] };
        for (var i = 0; i < 2 * count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var answer = await bus.InvokeAsync<TopCustomersAnswer>(timeframes[i % 2], ct);
            latencies[i % 2][i / 2] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (answer.Customers.Count != 10)
            {
                throw new InvalidOperationException($"Top 10 returned {answer.Customers.Count} customers.");
            }
        }

        return (latencies[0], latencies[1]);
    }

    /// <summary>
    /// Lets the server finish the work the loading phases left behind (autovacuum of the fresh tables, dirty pages
    /// to write), so that query latencies measure the queries: a read model is loaded once and queried for long.
    /// </summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        await using var connection = await Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        foreach (var sql in new[] { "vacuum (analyze)", "checkpoint" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Writes the store's events, in log order, to a file in PostgreSQL's binary COPY format.</summary>
    public async Task ExportEventsAsync(string path, CancellationToken ct)
    {
        await using var connection = await Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        await using var file = File.Create(path);
        await using var export = await connection.BeginRawBinaryCopyAsync(
            $"copy (select {BaselineCopy.Columns} from {Schema.Qualify("mt_events")} order by seq_id) to stdout (format binary)", ct);
        await export.CopyToAsync(file, ct);
    }

    /// <summary>Drops the schema and everything in it.</summary>
    public async Task DropAsync(CancellationToken ct)
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"drop schema {Schema} cascade");
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
