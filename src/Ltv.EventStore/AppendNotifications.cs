using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore;

/// <summary>
/// The NOTIFY channel on which every append that added events signals subscribers. PostgreSQL delivers a
/// notification only when the appending transaction commits, so a wake-up never comes before its events
/// are readable. It is only a hint: subscribers also poll, so a lost notification costs latency, not events.
/// </summary>
public static class AppendNotifications
{
    /// <summary>The channel name for a schema (a plain identifier, safe for LISTEN).</summary>
    public static string Channel(SchemaName schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return "ltv_events_" + schema.Value;
    }

    internal static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaName schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_notify(@channel, '')", connection, transaction);
        command.Parameters.AddWithValue("channel", Channel(schema));
        await command.ExecuteNonQueryAsync(ct);
    }
}
