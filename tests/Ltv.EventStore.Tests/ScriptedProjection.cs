using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Tests;

/// <summary>
/// A counting projection with a hook that runs after its writes and before the caller commits: tests use it
/// to hold a batch open, to stop in the middle of one, or to throw on a chosen event.
/// </summary>
public sealed class ScriptedProjection(CountingProjection inner, Func<EventRange, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> afterWrites)
    : IProjection
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        inner.CreateAsync(connection, transaction, ct);

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        inner.ResetAsync(connection, transaction, ct);

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct)
    {
        await inner.ApplyAsync(connection, transaction, range, ct);
        await afterWrites(range, connection, transaction, ct);
    }

    /// <summary>Throws when the range holds an event whose data contains <paramref name="marker"/>.</summary>
    public static Func<EventRange, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> ThrowOn(SchemaName schema, string marker) =>
        async (range, connection, transaction, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"select count(*) from {schema.Qualify("events")} e where {EventRange.Filter("e")} and strpos(e.data::text, @marker) > 0",
                connection,
                transaction);
            range.AddParameters(command);
            command.Parameters.AddWithValue("marker", marker);
            if ((long)(await command.ExecuteScalarAsync(ct))! > 0)
            {
                throw new InvalidOperationException($"cannot apply an event marked {marker}");
            }
        };
}
