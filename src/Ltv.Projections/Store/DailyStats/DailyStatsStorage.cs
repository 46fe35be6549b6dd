using Ltv.Projections.DailyStats;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>
/// The tables of DailyStats as Weasel objects, so that Marten creates and migrates them with the rest of the store.
/// Same names and columns as <see cref="DailyStatsTables"/> describes, so its queries read them unchanged. Ordering by
/// customer id in byte order is the queries' job (<c>collate "C"</c>), not the columns': Weasel reads a column's
/// collation back as a difference.
/// </summary>
public static class DailyStatsStorage
{
    public static IReadOnlyList<Table> Tables(DailyStatsTables names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [CustomerDays(names), Orders(names), Customers(names)];
    }

    // One row per customer per UTC day with any event; the day's orders land here too.
    private static Table CustomerDays(DailyStatsTables names)
    {
        var table = new Table(Name(names, names.CustomerDays));
        table.AddColumn<string>("customer_id").AsPrimaryKey();
        table.AddColumn<DateOnly>("day").AsPrimaryKey();
        table.AddColumn<int>("visits").NotNull().DefaultValue(0);
        table.AddColumn<int>("images").NotNull().DefaultValue(0);
        table.AddColumn<int>("orders").NotNull().DefaultValue(0);
        table.AddColumn("revenue", "numeric").NotNull().DefaultValue(0);
        table.Indexes.Add(new IndexDefinition($"{names.CustomerDays}_by_day") { Columns = ["day"] });
        return table;
    }

    // One row per order: its current amount (latest event_time, UPDATE beating NEW on a tie) and its earliest event,
    // whose UTC day is the order's day.
    private static Table Orders(DailyStatsTables names)
    {
        var table = new Table(Name(names, names.Orders));
        table.AddColumn<string>("customer_id").AsPrimaryKey();
        table.AddColumn<string>("order_id").AsPrimaryKey();
        table.AddColumn("amount", "numeric").NotNull();
        table.AddColumn<DateTimeOffset>("amount_time").NotNull();
        table.AddColumn<bool>("amount_is_update").NotNull();
        table.AddColumn<DateTimeOffset>("first_time").NotNull();
        table.AddColumn<DateOnly>("first_day").NotNull();
        return table;
    }

    // One row per customer: its earliest event of any type, which makes it new that day.
    private static Table Customers(DailyStatsTables names)
    {
        var table = new Table(Name(names, names.Customers));
        table.AddColumn<string>("customer_id").AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("first_time").NotNull();
        table.AddColumn<DateOnly>("first_day").NotNull();
        table.Indexes.Add(new IndexDefinition($"{names.Customers}_by_first_day") { Columns = ["first_day"] });
        return table;
    }

    private static PostgresqlObjectName Name(DailyStatsTables names, string table) =>
        new(names.Schema.Value, table, SchemaUtils.IdentifierUsage.General);
}
