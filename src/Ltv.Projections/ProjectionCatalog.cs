using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Ranking;
using Npgsql;

namespace Ltv.Projections;

/// <summary>Every read model of the product, split by how it is kept up to date.</summary>
public sealed class ProjectionCatalog(NpgsqlDataSource dataSource, SchemaName schema)
{
    /// <summary>Applied in the same transaction as each append.</summary>
    public IReadOnlyList<IProjection> Inline { get; } = [new CustomerLifetimeProjection(schema)];

    /// <summary>Applied afterwards, from the gap-free log.</summary>
    public IReadOnlyList<IProjection> Async { get; } = [new LtvRankingProjection(schema)];

    /// <summary>The SQL functions the read models share.</summary>
    public static IReadOnlyList<MigrationScript> Scripts { get; } =
        MigrationScript.FromEmbeddedResources(typeof(ProjectionCatalog).Assembly);

    /// <summary>Creates the store, the read models and the given extra tables if they are missing.</summary>
    public Task EnsureAsync(IEnumerable<MigrationScript> extraScripts, CancellationToken ct) =>
        ProjectionSetup.EnsureAsync(dataSource, schema, Scripts.Concat(extraScripts), Inline, Async, ct);

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
