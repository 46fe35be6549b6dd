namespace Ltv.EventStore;

/// <summary>
/// A position in the global log: the writing transaction's id, then the global sequence number.
/// Ordering by (TransactionId, Sequence) below the oldest running transaction is what makes
/// subscriptions gap-free (see <see cref="Reading.GlobalLogReader"/>).
/// </summary>
/// <param name="TransactionId">The <c>xid8</c> of the transaction that appended the event.</param>
/// <param name="Sequence">The event's global sequence number.</param>
public readonly record struct LogPosition(ulong TransactionId, long Sequence) : IComparable<LogPosition>
{
    /// <summary>Before the first event.</summary>
    public static LogPosition Start { get; } = new(0, 0);

    /// <inheritdoc />
    public int CompareTo(LogPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Orders positions by transaction id, then sequence.</summary>
    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    /// <summary>Orders positions by transaction id, then sequence.</summary>
    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    /// <summary>Orders positions by transaction id, then sequence.</summary>
    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Orders positions by transaction id, then sequence.</summary>
    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{TransactionId}/{Sequence}";
}
