namespace Ltv.EventStore.Projections;

/// <summary>
/// A projection that can be built into a shadow copy of its tables while the live copy keeps answering,
/// then switched in (see <see cref="ProjectionRebuilder"/>).
/// </summary>
public interface IRebuildableProjection : IProjection
{
    /// <summary>The tables it owns, unqualified, in the same order for every copy.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// The same projection working on tables named with <paramref name="suffix"/> (and named
    /// <c>Name + suffix</c>, for its own progress row). Index names must derive from table names, so that a
    /// copy's indexes never collide with the live ones.
    /// </summary>
    IRebuildableProjection WithTableSuffix(string suffix);
}
