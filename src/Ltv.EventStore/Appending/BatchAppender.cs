using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Appending;

/// <summary>
/// Runs extra work inside an append's transaction, after the events and inline projections are written
/// and before the commit (for example recording rejected input of the same batch).
/// </summary>
public delegate Task AlsoInTransaction(
    NpgsqlConnection connection, NpgsqlTransaction transaction, AppendResult result, CancellationToken ct);

/// <summary>
/// Appends one batch in one transaction: binary COPY into a staging table, then one set-based statement for
/// de-duplication, stream versioning and insertion, then the inline projections over exactly the appended range.
/// </summary>
internal sealed class BatchAppender(SchemaName schema, IReadOnlyList<IProjection> inlineProjections)
{
    private readonly AppendSql _sql = new(schema);

    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, IReadOnlyList<NewEvent> events, AlsoInTransaction? also, CancellationToken ct)
    {
        try
        {
            return await AppendOnceAsync(connection, events, lockFirst: false, also, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == AppendSql.IdentityConstraint)
        {
            // A concurrent appender committed one of these identities after our lookup: append again, this time
            // looking identities up only once the streams are locked, which cannot meet that race.
            return await AppendOnceAsync(connection, events, lockFirst: true, also, ct);
        }
    }

    private async Task<AppendResult> AppendOnceAsync(
        NpgsqlConnection connection, IReadOnlyList<NewEvent> events, bool lockFirst, AlsoInTransaction? also, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, _sql.CreateStaging, ct);
        await CopyToStaging(connection, events, ct);
        if (lockFirst)
        {
            await Execute(connection, transaction, _sql.LockStreams, ct);
        }

        var result = await AppendStaged(connection, transaction, events.Count, ct);
        if (!result.Appended.IsEmpty)
        {
            foreach (var projection in inlineProjections)
            {
                await projection.ApplyAsync(connection, transaction, result.Appended, ct);
            }
        }

        if (also is not null)
        {
            await also(connection, transaction, result, ct);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task CopyToStaging(NpgsqlConnection connection, IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        using var rows = StagingRows.Encode(events);
        await using var copy = await connection.BeginRawBinaryCopyAsync(_sql.CopyIntoStaging, ct);
        await copy.WriteAsync(rows.Bytes, ct);
    }

    private async Task<AppendResult> AppendStaged(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken ct)
    {
        var outcomes = Enumerable.Repeat(AppendOutcome.Appended, count).ToArray();
        await using var command = new NpgsqlCommand(_sql.Append, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var appended = EventRange.Empty;
        if (!reader.IsDBNull(1))
        {
            var transactionId = reader.GetFieldValue<ulong>(0);
            appended = new EventRange(
                new LogPosition(transactionId, reader.GetInt64(1) - 1),
                new LogPosition(transactionId, reader.GetInt64(2)));
        }

        foreach (var ord in reader.GetFieldValue<int[]>(3))
        {
            outcomes[ord] = AppendOutcome.Duplicate;
        }

        foreach (var ord in reader.GetFieldValue<int[]>(4))
        {
            outcomes[ord] = AppendOutcome.ConflictingDuplicate;
        }

        return new AppendResult(outcomes, appended);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
