using Ltv.Projections.DailyStats;
using DailyStatsProjection = Ltv.Projections.Store.DailyStats.DailyStatsProjection;
using Ltv.Projections.Store;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Npgsql;

namespace Ltv.Testing;

/// <summary>
/// Damage done to read models before a rebuild, so that a rebuild that does nothing fails its test: every third row
/// or document deleted (the first among them) and the figures of the rest changed, or every row deleted. The one
/// place tests write read-model tables, Marten's documents among them.
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

    private static string Damage(string schema, string readModel) => readModel switch
    {
        CustomerLifetimeProjection.ProjectionName => $"""
            delete from {schema}.{Lifetimes} where id in ({EveryThird($"{schema}.{Lifetimes}", "id")});
            update {schema}.{Lifetimes} set data = data || jsonb_build_object('visits', (data->>'visits')::int + 7, 'images', (data->>'images')::int + 1);
            """,
        RankedCustomerProjection.ProjectionName => $"""
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
        RankedCustomerProjection.ProjectionName => [$"{schema}.{Ranked}"],
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
