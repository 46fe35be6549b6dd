using Ltv.Projections;

namespace Ltv.Projections.DailyStats;

/// <summary>
/// The tables of one copy of the DailyStats read model, all named after <paramref name="Prefix"/> (the
/// projection's name) so that a second copy (a rebuild's shadow, a test's copy) can live beside the live one.
/// </summary>
/// <param name="Schema">The schema holding them.</param>
/// <param name="Prefix">The start of every table and index name (unqualified).</param>
public sealed record DailyStatsTables(SchemaName Schema, string Prefix)
{
    /// <summary>One row per customer per UTC day with any event (unqualified).</summary>
    public string CustomerDays => Prefix + "_customer_days";

    /// <summary>One row per order: its current amount and its earliest event, which fixes its day (unqualified).</summary>
    public string Orders => Prefix + "_orders";

    /// <summary>One row per customer: its earliest event of any type, which makes it new that day (unqualified).</summary>
    public string Customers => Prefix + "_customers";

    /// <summary>Every table, unqualified, in a fixed order (a rebuild swaps copies table by table).</summary>
    public IReadOnlyList<string> All => [CustomerDays, Orders, Customers];

    public string CustomerDaysTable => Schema.Qualify(CustomerDays);

    public string OrdersTable => Schema.Qualify(Orders);

    public string CustomersTable => Schema.Qualify(Customers);

    // Index names start with their table's name, so that a rebuild's rename of a copy can carry them along.
    // (t at time zone 'UTC')::date is immutable, unlike t::date, which follows the session's time zone.
    public string CreateSql => $"""
        create table if not exists {CustomerDaysTable}
        (
            customer_id text collate "C" not null,
            day         date    not null,
            visits      integer not null default 0,
            images      integer not null default 0,
            orders      integer not null default 0,
            revenue     numeric not null default 0,
            primary key (customer_id, day)
        );
        create index if not exists {Prefix}_customer_days_by_day on {CustomerDaysTable} (day);

        -- An order's current amount: the one from its event with the latest event_time, UPDATE beating NEW on a tie.
        create table if not exists {OrdersTable}
        (
            customer_id      text collate "C" not null,
            order_id         text collate "C" not null,
            amount           numeric     not null,
            amount_time      timestamptz not null,
            amount_is_update boolean     not null,
            first_time       timestamptz not null,
            first_day        date generated always as ((first_time at time zone 'UTC')::date) stored,
            primary key (customer_id, order_id)
        );

        create table if not exists {CustomersTable}
        (
            customer_id text collate "C" primary key,
            first_time  timestamptz not null,
            first_day   date generated always as ((first_time at time zone 'UTC')::date) stored
        );
        create index if not exists {Prefix}_customers_by_first_day on {CustomersTable} (first_day);
        """;

    public string ResetSql => $"truncate {CustomerDaysTable}, {OrdersTable}, {CustomersTable}";
}
