using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Ranking;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ltv.Projections;

/// <summary>Every read model of the product, split by how it is kept up to date.</summary>
public sealed class ProjectionCatalog(NpgsqlDataSource dataSource, SchemaName schema)
{
    /// <summary>Applied in the same transaction as each append.</summary>
    public IReadOnlyList<IProjection> Inline { get; } = [new CustomerLifetimeProjection(schema)];

    /// <summary>Applied afterwards, from the gap-free log.</summary>
    public IReadOnlyList<IProjection> Async { get; } = [new LtvRankingProjection(schema), new DailyStats.DailyStatsProjection(schema)];

    /// <summary>The SQL functions the read models share.</summary>
    public static IReadOnlyList<MigrationScript> Scripts { get; } =
        MigrationScript.FromEmbeddedResources(typeof(ProjectionCatalog).Assembly);

    /// <summary>Creates the store, the read models and the given extra tables if they are missing.</summary>
    public Task EnsureAsync(IEnumerable<MigrationScript> extraScripts, CancellationToken ct) =>
        ProjectionSetup.EnsureAsync(dataSource, schema, Scripts.Concat(extraScripts), Inline, Async, ct);

    /// <summary>Every projection's name, inline first.</summary>
    public IReadOnlyList<string> Names => [.. Inline.Concat(Async).Select(p => p.Name)];

    /// <summary>Runs the async projections until <paramref name="ct"/> is cancelled, then finishes their batches in flight.</summary>
    public Task RunDaemonAsync(CancellationToken ct, ILogger? logger = null) =>
        new ProjectionDaemon(dataSource, schema, Async, logger: logger).RunAsync(ct);

    /// <summary>Rebuilds one projection from the whole log while the live copy keeps answering.</summary>
    public Task<RebuildResult> RebuildAsync(string name, IProgress<long>? progress, CancellationToken ct)
    {
        var projection = Inline.Concat(Async).SingleOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"Unknown projection '{name}'.", nameof(name));
        if (projection is not IRebuildableProjection rebuildable)
        {
            throw new InvalidOperationException($"Projection '{name}' cannot be rebuilt: it does not support shadow tables.");
        }

        return PostgresErrors.Translate(() =>
            new ProjectionRebuilder(dataSource, schema).RebuildAsync(rebuildable, Inline.Contains(projection), progress, ct));
    }

    /// <summary>Rebuilds every projection whose stored version differs from the code's version.</summary>
    public async Task<IReadOnlyList<RebuildResult>> RebuildStaleAsync(CancellationToken ct)
    {
        var status = await StatusAsync(ct);
        var results = new List<RebuildResult>();
        foreach (var stale in status.Projections.Where(p => p.Version != p.CodeVersion))
        {
            results.Add(await RebuildAsync(stale.Name, progress: null, ct));
        }

        return results;
    }

    /// <summary>Where every projection stands.</summary>
    public Task<StoreStatus> StatusAsync(CancellationToken ct) =>
        new ProjectionStatusQuery(dataSource, schema, Inline, Async).ExecuteAsync(ct);

    /// <summary>Brings every async projection up to the head of the log.</summary>
    public async Task<IReadOnlyList<(string Name, CatchUpResult Result)>> CatchUpAsync(
        TimeSpan maxWait, CancellationToken ct, IProgress<long>? applied = null)
    {
        var results = new List<(string, CatchUpResult)>();
        foreach (var projection in Async)
        {
            var runner = new AsyncProjectionRunner(dataSource, schema, projection);
            results.Add((projection.Name, await runner.CatchUpAsync(maxWait, ct, applied)));
        }

        return results;
    }
}
