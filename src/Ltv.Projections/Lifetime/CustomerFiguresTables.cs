using Ltv.EventStore.Schema;

namespace Ltv.Projections.Lifetime;

/// <summary>
/// The tables that hold per-customer lifetime figures: one row per customer, and one row per order with its
/// current amount. CustomerLifetime (inline) and LtvRanking (async) each keep their own pair, maintained by the
/// same <see cref="CustomerFiguresSql"/>, so that the ranking never reads another projection's state.
/// </summary>
/// <param name="Schema">The schema holding them.</param>
/// <param name="Customers">The per-customer table name (unqualified).</param>
/// <param name="ExtraCustomerColumns">Extra column definitions for the customer table, such as a ranking key.</param>
public sealed record CustomerFiguresTables(SchemaName Schema, string Customers, string ExtraCustomerColumns = "")
{
    public string CustomersTable => Schema.Qualify(Customers);

    /// <summary>The per-order table name (unqualified).</summary>
    public string Orders => Customers + "_orders";

    public string OrdersTable => Schema.Qualify(Orders);

    // Rows are updated by nearly every batch; free room on each page lets most updates stay on the page (HOT),
    // without a new index entry, when no indexed column changes (docs/PERFORMANCE.md).
    public string CreateSql => $"""
        create table if not exists {CustomersTable}
        (
            customer_id        text collate "C" primary key,
            last_name          text,
            city               text,
            state              text,
            previous_last_name text,
            previous_city      text,
            previous_state     text,
            -- The recency of the current and previous profile (CustomerProfile.CompareRecency), so that a slice's
            -- CUSTOMER events are merged with them instead of reading the customer's older events again.
            profile_time               timestamptz,
            profile_is_update          boolean,
            previous_profile_time      timestamptz,
            previous_profile_is_update boolean,
            has_customer_event boolean     not null default false,
            visits             integer     not null default 0,
            images             integer     not null default 0,
            orders             integer     not null default 0,
            revenue            numeric     not null default 0,
            first_event_time   timestamptz not null,
            last_event_time    timestamptz not null,
            first_week         integer generated always as ({Schema}.ltv_week_index(first_event_time)) stored,
            last_week          integer generated always as ({Schema}.ltv_week_index(last_event_time)) stored
            {ExtraCustomerColumns}
        ) with (fillfactor = 80);

        -- Stores created before the profile recency columns: the rows stay as they were (the projection's version
        -- tells that they are stale until `ltv rebuild` refills them), and new slices can be applied.
        -- Checked first: alter table locks the table even when it has nothing to add, and this runs at every start.
        do $$
        begin
            if not exists (select from pg_attribute where attrelid = '{CustomersTable}'::regclass and attname = 'profile_time' and not attisdropped) then
                alter table {CustomersTable}
                    add column profile_time timestamptz,
                    add column profile_is_update boolean,
                    add column previous_profile_time timestamptz,
                    add column previous_profile_is_update boolean;
            end if;
        end
        $$;

        -- An order's current amount: the one from its event with the latest event_time, UPDATE beating NEW on a tie.
        create table if not exists {OrdersTable}
        (
            customer_id      text collate "C" not null,
            order_id         text collate "C" not null,
            amount           numeric     not null,
            amount_time      timestamptz not null,
            amount_is_update boolean     not null,
            first_time       timestamptz not null,
            primary key (customer_id, order_id)
        ) with (fillfactor = 80);
        """;

    public string ResetSql => $"truncate {CustomersTable}, {OrdersTable}";
}
