namespace Ltv.Projections.Store.Rebuild;

/// <summary>
/// A rebuild that cannot start because someone else has the read model: another rebuild of it, or a daemon in another
/// process (`ltv serve`, `ltv daemon`) that holds its shards. A state of the store to report, not a bug.
/// </summary>
public sealed class ReadModelBusyException(string message) : InvalidOperationException(message);
