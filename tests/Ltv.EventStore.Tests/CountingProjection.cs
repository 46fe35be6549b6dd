using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Tests;

/// <summary>
/// A projection that records, per event, how many times it was applied: the simplest read model that
/// shows an event applied twice or never.
/// </summary>
public sealed class CountingProjection(SchemaName schema, string table, int version = 1) : IRebuildableProjection
{
    private readonly string _table = schema.Qualify(table);

    public string Name => table;

    public int Version => version;

    public IReadOnlyList<string> Tables => [table];

    public IRebuildableProjection WithTableSuffix(string suffix) => new CountingProjection(schema, table + suffix, version);

    public Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, $"create table if not exists {_table} (seq bigint primary key, applied integer not null)", null, ct);

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, $"truncate {_table}", null, ct);

    public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, $"""
            insert into {_table} as t (seq, applied)
            select e.seq, 1 from {schema.Qualify("events")} e where {EventRange.Filter("e")}
            on conflict (seq) do update set applied = t.applied + 1
            """, range, ct);

    /// <summary>Before a rebuild: the first event's row deleted and every other event counted twice more, so that a rebuild that does nothing shows.</summary>
    public async Task DamageAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            $"delete from {_table} where seq = (select min(seq) from {_table}); update {_table} set applied = applied + 2");
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Dictionary<long, int>> AppliedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"select seq, applied from {_table}");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new Dictionary<long, int>();
        while (await reader.ReadAsync())
        {
            applied[reader.GetInt64(0)] = reader.GetInt32(1);
        }

        return applied;
    }
}
