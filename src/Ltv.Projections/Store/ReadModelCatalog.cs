using System.Diagnostics;
using JasperFx.Events.Daemon;
using Ltv.Projections.Store.Status;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>What one catch-up did for one async read model.</summary>
/// <param name="Applied">Events it applied.</param>
/// <param name="ReachedHead">Whether it reached the head of the log (a transaction open elsewhere can hold it back).</param>
public sealed record CatchUpResult(long Applied, bool ReachedHead);

/// <summary>What one rebuild did.</summary>
public sealed record RebuildResult(string Projection, long Events, TimeSpan Elapsed);

/// <summary>
/// The read models of a Marten store, for the commands that look after them: create the schema, run Marten's async
/// daemon (until stopped, or once up to the head), rebuild one read model, and say where each stands. Read models are
/// named as <see cref="LtvStoreOptions.ReadModels"/> names them.
/// </summary>
public sealed class ReadModelCatalog(IDocumentStore store, NpgsqlDataSource dataSource, string schema)
{
    public IReadOnlyList<string> Names { get; } = [.. LtvStoreOptions.ReadModels.Select(r => r.Name)];

    public IReadOnlyList<string> AsyncNames { get; } = [.. LtvStoreOptions.ReadModels.Where(r => !r.Inline).Select(r => r.Name)];

    /// <summary>Creates or migrates every table of the store (Marten's, the read models', and any registered with it).</summary>
    public Task EnsureAsync() => store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public Task<StoreStatus> StatusAsync(CancellationToken ct) => new StoreStatusQuery(store, dataSource, schema).ExecuteAsync(ct);

    /// <summary>Runs Marten's async daemon until <paramref name="ct"/> is cancelled, then stops it after its batches in flight.</summary>
    public async Task RunDaemonAsync(CancellationToken ct, ILogger? logger = null)
    {
        using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
        await daemon.StartAllAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped on request, which is how a daemon ends.
        }
        finally
        {
            await daemon.StopAllAsync();
        }
    }

    /// <summary>
    /// Runs the daemon until every async read model has reached the head of the log as it stood when this began, or
    /// <paramref name="maxWait"/> has passed (a transaction open elsewhere holds the daemon back at its gap).
    /// </summary>
    public async Task<IReadOnlyList<(string Name, CatchUpResult Result)>> CatchUpAsync(TimeSpan maxWait, CancellationToken ct)
    {
        var before = await StatusAsync(ct);
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            try
            {
                await daemon.WaitForNonStaleData(maxWait).WaitAsync(ct);
            }
            catch (TimeoutException)
            {
                // Reported below as "still behind".
            }
            finally
            {
                await daemon.StopAllAsync();
            }
        }

        var after = await StatusAsync(ct);
        return [.. after.Projections.Where(p => !p.Inline).Select(p =>
        {
            var start = before.Projections.Single(b => b.Name == p.Name);
            return (p.Name, new CatchUpResult(start.Lag - p.Lag + (after.Events - before.Events), p.Lag == 0));
        })];
    }

    /// <summary>
    /// Rebuilds one read model from the whole log with Marten's daemon, reporting the events replayed so far to
    /// <paramref name="progress"/> (read from Marten's progress record twice a second).
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(string name, IProgress<long>? progress, CancellationToken ct)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"Unknown read model '{name}'.", nameof(name));
        }

        var clock = Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var rebuild = daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
        while (progress is not null && await Task.WhenAny(rebuild, Task.Delay(500, ct)) != rebuild)
        {
            var status = await StatusAsync(ct);
            progress.Report(status.Events - status.Projections.Single(p => p.Name == name).Lag);
        }

        await rebuild;
        var events = (await StatusAsync(ct)).Events;
        progress?.Report(events);
        return new RebuildResult(name, events, clock.Elapsed);
    }
}
