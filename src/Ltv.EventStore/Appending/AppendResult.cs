namespace Ltv.EventStore.Appending;

/// <summary>The result of one append: an outcome per input event, in input order.</summary>
/// <param name="Outcomes">One outcome per event passed to the append, in the same order.</param>
/// <param name="Appended">The log range of the appended events; empty when nothing was appended.</param>
public sealed record AppendResult(IReadOnlyList<AppendOutcome> Outcomes, EventRange Appended)
{
    /// <summary>How many events were appended.</summary>
    public int AppendedCount => Outcomes.Count(o => o == AppendOutcome.Appended);

    /// <summary>How many events were duplicates (identical or conflicting).</summary>
    public int DuplicateCount => Outcomes.Count - AppendedCount;
}
