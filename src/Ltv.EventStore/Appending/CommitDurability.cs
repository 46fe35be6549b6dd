namespace Ltv.EventStore.Appending;

/// <summary>When an append's commit returns: once its WAL is on disk, or before.</summary>
public enum CommitDurability
{
    /// <summary>The commit returns once its write-ahead log is flushed: the default.</summary>
    Immediate,

    /// <summary>
    /// The commit returns before its write-ahead log is flushed (<c>synchronous_commit = off</c>). The events are
    /// visible at once and become durable at the next immediate commit on the server, whose flush covers all the log
    /// before it, or within a fraction of a second by the WAL writer; a crash of the server before that loses them
    /// (never half a batch). For bulk loads that end with an immediate commit and can be run again: appending the
    /// same input again adds what was lost and finds the rest duplicates.
    /// </summary>
    Deferred,
}
