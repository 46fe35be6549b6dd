using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>Replaces a projection's live tables with its shadow copy, inside the caller's transaction.</summary>
internal static class TableSwap
{
    public static async Task DropAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaName schema, IEnumerable<string> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, transaction, $"drop table if exists {schema.Qualify(table)}", ct);
        }
    }

    /// <summary>Drops the live tables, renames the shadow ones into their place, and renames their indexes to match.</summary>
    public static async Task SwapAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaName schema,
        IReadOnlyList<string> live, IReadOnlyList<string> shadow, CancellationToken ct)
    {
        await DropAsync(connection, transaction, schema, live, ct);
        for (var i = 0; i < live.Count; i++)
        {
            await ExecuteAsync(connection, transaction, $"alter table {schema.Qualify(shadow[i])} rename to {live[i]}", ct);
            foreach (var index in await IndexesAsync(connection, transaction, schema, live[i], ct))
            {
                if (index.StartsWith(shadow[i], StringComparison.Ordinal))
                {
                    await ExecuteAsync(connection, transaction, $"alter index {schema.Qualify(index)} rename to {live[i] + index[shadow[i].Length..]}", ct);
                }
            }
        }
    }

    private static async Task<List<string>> IndexesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaName schema, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select indexname from pg_indexes where schemaname = @schema and tablename = @table", connection, transaction);
        command.Parameters.AddWithValue("schema", schema.Value);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
