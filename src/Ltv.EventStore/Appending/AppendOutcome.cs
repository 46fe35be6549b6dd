namespace Ltv.EventStore.Appending;

/// <summary>What happened to one event of an append.</summary>
public enum AppendOutcome
{
    /// <summary>Appended to its stream.</summary>
    Appended,

    /// <summary>Not appended: an event with the same identity is stored, with the same payload.</summary>
    Duplicate,

    /// <summary>Not appended: an event with the same identity is stored, with a different payload.</summary>
    ConflictingDuplicate,
}
