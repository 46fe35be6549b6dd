using Ltv.Domain.Lifetime;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Marten;
using Npgsql;
using DailyStatsProjection = Ltv.Projections.Store.DailyStats.DailyStatsProjection;

namespace Ltv.Testing;

/// <summary>
/// Damage done to read models before a rebuild, so that a rebuild that does nothing fails its test: every third row
/// deleted (the first among them) and the figures of the rest changed, or every row deleted. The one place tests write
/// read-model tables, Marten's documents among them. By name, the damage falls on the blue copy of an async read model,
/// the one a store that never rebuilt reads.
/// </summary>
public static class ReadModelDamage
{
    private const string Lifetimes = "mt_doc_customer_lifetime";
    private const string Ranked = "mt_doc_ltv_ranking";

    /// <summary>Every read model, as `ltv status` names them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. LtvStoreOptions.ReadModels.Select(r => r.Name)];

    /// <summary>Deletes a third of each named read model's rows and changes the figures, names and time spans of the rest.</summary>
    public static Task DamageAsync(string connectionString, string schema, params string[] readModels) =>
        ExecuteAsync(connectionString, readModels.Select(name => Damage(schema, name)));

    /// <summary>Deletes every row of each named read model.</summary>
    public static Task EmptyAsync(string connectionString, string schema, params string[] readModels) =>
        ExecuteAsync(connectionString, readModels.Select(name => $"truncate {string.Join(", ", Tables(schema, name))};"));

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

    private static string Damage(string schema, string readModel) => readModel switch
    {
        CustomerLifetimeProjection.ProjectionName => $"""
            delete from {schema}.{Lifetimes} where id in ({EveryThird($"{schema}.{Lifetimes}", "id")});
            update {schema}.{Lifetimes} set data = data || jsonb_build_object('visits', (data->>'visits')::int + 7, 'images', (data->>'images')::int + 1);
            """,
        RankingRegistration.ReadModelName => $"""
            delete from {schema}.{Ranked} where id in ({EveryThird($"{schema}.{Ranked}", "id")});
            update {schema}.{Ranked} set revenue = revenue * 2 + 1, weekly_value = weekly_value * 2 + 1,
                first_event_time = first_event_time - interval '400 days',
                data = jsonb_set(data, array['lifetime', 'visits'], to_jsonb((data->'lifetime'->>'visits')::int + 7));
            """,
        DailyStatsProjection.ProjectionName => Daily(DailyStatsRegistration.TablesIn(schema)),
        _ => throw new ArgumentException($"No damage is defined for the read model '{readModel}'.", nameof(readModel)),
    };

    private static string[] Tables(string schema, string readModel) => readModel switch
    {
        CustomerLifetimeProjection.ProjectionName => [$"{schema}.{Lifetimes}"],
        RankingRegistration.ReadModelName => [$"{schema}.{Ranked}"],
        DailyStatsProjection.ProjectionName => [.. DailyStatsRegistration.TablesIn(schema).All.Select(t => $"{schema}.{t}")],
        _ => throw new ArgumentException($"Unknown read model '{readModel}'.", nameof(readModel)),
    };

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
