using Npgsql;
using NpgsqlTypes;

namespace Ltv.EventStore;

/// <summary>
/// A slice of the global log: the events after <see cref="After"/> up to and including <see cref="Until"/>,
/// in log order. Projections use it to work set-based in SQL over exactly the events of a batch.
/// </summary>
/// <param name="After">Exclusive lower bound.</param>
/// <param name="Until">Inclusive upper bound.</param>
public sealed record EventRange(LogPosition After, LogPosition Until)
{
    /// <summary>A range holding no events.</summary>
    public static EventRange Empty { get; } = new(LogPosition.Start, LogPosition.Start);

    /// <summary>Whether the range can hold no event.</summary>
    public bool IsEmpty => Until <= After;

    /// <summary>
    /// A SQL condition selecting the range's rows from the events table under <paramref name="alias"/>;
    /// add its parameters with <see cref="AddParameters"/>.
    /// </summary>
    public static string Filter(string alias) =>
        $"({alias}.tx_id, {alias}.seq) > (@range_after_tx, @range_after_seq) and ({alias}.tx_id, {alias}.seq) <= (@range_until_tx, @range_until_seq)";

    /// <summary>A SQL condition selecting rows at or before the range's end (for reading a stream "as of" a batch).</summary>
    public static string UpToEnd(string alias) => $"({alias}.tx_id, {alias}.seq) <= (@range_until_tx, @range_until_seq)";

    /// <summary>Adds the parameters used by <see cref="Filter"/> and <see cref="UpToEnd"/>.</summary>
    public void AddParameters(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter<ulong>("range_after_tx", NpgsqlDbType.Xid8) { TypedValue = After.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("range_after_seq", NpgsqlDbType.Bigint) { TypedValue = After.Sequence });
        command.Parameters.Add(new NpgsqlParameter<ulong>("range_until_tx", NpgsqlDbType.Xid8) { TypedValue = Until.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("range_until_seq", NpgsqlDbType.Bigint) { TypedValue = Until.Sequence });
    }
}
