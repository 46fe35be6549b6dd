using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>
/// A read model that owns its tables and is fed slices of the log. The same contract serves inline
/// projections (applied in the append's transaction) and async ones (applied by a subscription),
/// so any projection can also be rebuilt by replaying the whole log.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name, used for its progress row and on the command line.</summary>
    string Name { get; }

    /// <summary>Bumped whenever the projection's logic or tables change, so that a stale copy is detected.</summary>
    int Version { get; }

    /// <summary>Creates the projection's tables if they do not exist.</summary>
    Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>Deletes all of the projection's data, ahead of a replay from the start of the log.</summary>
    Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>
    /// Applies the events of <paramref name="range"/> inside <paramref name="transaction"/>. It must not
    /// commit; the caller commits it together with the event append or the projection's progress.
    /// </summary>
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct);
}
