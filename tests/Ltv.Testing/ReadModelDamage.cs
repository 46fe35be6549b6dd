using Ltv.EventStore.Schema;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Ranking;
using Ltv.Domain.Lifetime;
using Marten;
using Npgsql;

namespace Ltv.Testing;

/// <summary>
/// Damage done to read models before a rebuild, so that a rebuild that does nothing fails its test: every third row
/// deleted (the first among them) and the figures of the rest changed, or every row deleted. The one place tests write
/// read-model tables; on Marten's store it becomes deleting and changing the projected documents.
/// </summary>
public static class ReadModelDamage
{
    /// <summary>Every read model, as `ltv status` names them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [CustomerLifetimeProjection.ProjectionName, LtvRankingProjection.ProjectionName, DailyStatsProjection.ProjectionName];

    /// <summary>Deletes a third of each named read model's rows and changes the figures, names and time spans of the rest.</summary>
    public static Task DamageAsync(string connectionString, string schema, params string[] readModels) =>
        ExecuteAsync(connectionString, readModels.Select(name => Damage(SchemaName.From(schema), name)));

    /// <summary>Deletes every row of each named read model.</summary>
    public static Task EmptyAsync(string connectionString, string schema, params string[] readModels) =>
        ExecuteAsync(connectionString, readModels.Select(name => $"truncate {string.Join(", ", Tables(SchemaName.From(schema), name))};"));

    /// <summary>Deletes a third of one copy of DailyStats and changes the figures of the rest (Marten's store: tables of ours).</summary>
    public static Task DamageAsync(string connectionString, DailyStatsTables tables) => ExecuteAsync(connectionString, [Daily(tables)]);

    /// <summary>Deletes every row of one copy of DailyStats.</summary>
    public static Task EmptyAsync(string connectionString, DailyStatsTables tables) =>
        ExecuteAsync(connectionString, [$"truncate {string.Join(", ", tables.All.Select(tables.Schema.Qualify))};"]);

    /// <summary>
    /// Deletes every third of a Marten read model's documents (in id order, the first among them) and stores what
    /// <paramref name="damage"/> makes of the rest, through Marten's own session: no SQL of ours writes Marten's tables.
    /// </summary>
    public static async Task DamageDocumentsAsync<T>(IDocumentStore store, Func<T, string> id, Func<T, T> damage)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = store.LightweightSession();
        var documents = (await session.Query<T>().ToListAsync()).OrderBy(id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            if (i % 3 == 0)
            {
                session.Delete(documents[i]);
            }
            else
            {
                session.Store(damage(documents[i]));
            }
        }

        await session.SaveChangesAsync();
    }

    /// <summary>Deletes every document of a Marten read model, through Marten.</summary>
    public static async Task EmptyDocumentsAsync<T>(IDocumentStore store)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(T));
    }

    /// <summary>A customer's figures changed: more visits and images, and a later last event.</summary>
    public static CustomerLifetime Damaged(CustomerLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        return lifetime with { Visits = lifetime.Visits + 7, Images = lifetime.Images + 1, LastEventTime = lifetime.LastEventTime?.AddDays(100) };
    }

    private static string Damage(SchemaName schema, string readModel) => readModel switch
    {
        CustomerLifetimeProjection.ProjectionName => Figures(new CustomerLifetimeProjection(schema).Tables),
        LtvRankingProjection.ProjectionName => Figures(new LtvRankingProjection(schema).Tables)
            + $"update {new LtvRankingProjection(schema).BoundsTable} set first_event_time = first_event_time - interval '400 days';",
        DailyStatsProjection.ProjectionName => Daily(new DailyStatsProjection(schema).Tables),
        _ => throw new ArgumentException($"No damage is defined for the read model '{readModel}'.", nameof(readModel)),
    };

    private static string[] Tables(SchemaName schema, string readModel) => readModel switch
    {
        CustomerLifetimeProjection.ProjectionName => Both(new CustomerLifetimeProjection(schema).Tables),
        LtvRankingProjection.ProjectionName => [.. Both(new LtvRankingProjection(schema).Tables), new LtvRankingProjection(schema).BoundsTable],
        DailyStatsProjection.ProjectionName => [.. new DailyStatsProjection(schema).Tables.All.Select(schema.Qualify)],
        _ => throw new ArgumentException($"Unknown read model '{readModel}'.", nameof(readModel)),
    };

    private static string[] Both(CustomerFiguresTables tables) => [tables.CustomersTable, tables.OrdersTable];

    private static string Figures(CustomerFiguresTables tables) => $"""
        delete from {tables.OrdersTable} where customer_id in ({EveryThird(tables.CustomersTable, "customer_id")});
        delete from {tables.CustomersTable} where customer_id in ({EveryThird(tables.CustomersTable, "customer_id")});
        update {tables.CustomersTable} set visits = visits + 7, orders = orders + 1, revenue = revenue * 2 + 1, last_name = 'Damaged',
            last_event_time = last_event_time + interval '100 days';
        update {tables.OrdersTable} set amount = amount + 1;
        """;

    private static string Daily(DailyStatsTables tables) => $"""
        delete from {tables.CustomerDaysTable} where (customer_id, day) in ({EveryThird(tables.CustomerDaysTable, "customer_id, day")});
        update {tables.CustomerDaysTable} set visits = visits + 7, orders = orders + 1, revenue = revenue * 2 + 1;
        delete from {tables.OrdersTable} where (customer_id, order_id) in ({EveryThird(tables.OrdersTable, "customer_id, order_id")});
        update {tables.OrdersTable} set amount = amount + 1;
        update {tables.CustomersTable} set first_time = first_time - interval '1 day';
        """;

    private static string EveryThird(string table, string key) =>
        $"select {key} from (select {key}, row_number() over (order by {key}) as n from {table}) numbered where n % 3 = 1";

    private static async Task ExecuteAsync(string connectionString, IEnumerable<string> statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Concat(statements), connection);
        await command.ExecuteNonQueryAsync();
    }
}
