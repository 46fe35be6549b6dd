namespace Ltv.Projections.Store;

/// <summary>What became of one event given to <see cref="EventLogAppender"/>.</summary>
public enum AppendOutcome
{
    /// <summary>New: appended to its customer's stream.</summary>
    Appended,

    /// <summary>Its identity is stored already with the same content: nothing to do.</summary>
    Duplicate,

    /// <summary>Its identity is stored already with other content: not appended, to be recorded as a rejection.</summary>
    ConflictingDuplicate,
}

/// <summary>The outcome of each event of a batch, in the batch's order.</summary>
public sealed record AppendResult(IReadOnlyList<AppendOutcome> Outcomes)
{
    public int AppendedCount => Outcomes.Count(o => o == AppendOutcome.Appended);

    public int DuplicateCount => Outcomes.Count - AppendedCount;
}
