using Ltv.Projections.DailyStats;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>
/// Set-based statements that fold a <see cref="DailyStatsSlice"/> into the DailyStats tables: the SQL counterpart of
/// Ltv.Domain.DailyStats.DailyStatsReference, held to it by tests for any arrival order and any split into batches.
/// Visits and images only ever add up; an order's day and amount can change with any later batch, so order figures
/// are recomputed from the orders table for the customers the batch touches rather than incremented. The <c>?</c>
/// are Marten's positional parameters (<c>QueueSqlCommand</c>), given in the order they appear.
/// </summary>
public sealed class DailyStatsSliceSql(DailyStatsTables tables)
{
    /// <summary>Every event makes its customer active on its day: (customers, days, visits, images).</summary>
    public string CustomerDays => $"""
        insert into {tables.CustomerDaysTable} as d (customer_id, day, visits, images)
        select e.customer_id, e.day, sum(e.visit), sum(e.image)
        from unnest(?::text[], ?::date[], ?::integer[], ?::integer[]) as e (customer_id, day, visit, image)
        group by 1, 2
        on conflict (customer_id, day) do update set
            visits = d.visits + excluded.visits,
            images = d.images + excluded.images
        where excluded.visits > 0 or excluded.images > 0
        """;

    /// <summary>Each customer's earliest event, which makes it new on that day: (customers, times).</summary>
    public string FirstEvents => $"""
        insert into {tables.CustomersTable} as c (customer_id, first_time, first_day)
        select e.customer_id, min(e.t), (min(e.t) at time zone 'UTC')::date
        from unnest(?::text[], ?::timestamptz[]) as e (customer_id, t)
        group by e.customer_id
        on conflict (customer_id) do update set first_time = excluded.first_time, first_day = excluded.first_day
        where excluded.first_time < c.first_time
        """;

    /// <summary>
    /// Each order's current amount and earliest event, merged with what is stored:
    /// (customers, order ids, amounts, times, is-update flags).
    /// </summary>
    public string Orders => $"""
        with latest as (
            select distinct on (customer_id, order_id)
                   customer_id, order_id, amount, t, is_update, min(t) over (partition by customer_id, order_id) as first_t
            from unnest(?::text[], ?::text[], ?::numeric[], ?::timestamptz[], ?::boolean[]) as b (customer_id, order_id, amount, t, is_update)
            order by customer_id, order_id, t desc, is_update desc
        )
        insert into {tables.OrdersTable} as o (customer_id, order_id, amount, amount_time, amount_is_update, first_time, first_day)
        select customer_id, order_id, amount, t, is_update, first_t, (first_t at time zone 'UTC')::date from latest
        on conflict (customer_id, order_id) do update set
            amount = case when (excluded.amount_time, excluded.amount_is_update) > (o.amount_time, o.amount_is_update)
                          then excluded.amount else o.amount end,
            amount_is_update = case when (excluded.amount_time, excluded.amount_is_update) > (o.amount_time, o.amount_is_update)
                          then excluded.amount_is_update else o.amount_is_update end,
            amount_time = greatest(o.amount_time, excluded.amount_time),
            first_time = least(o.first_time, excluded.first_time),
            first_day = (least(o.first_time, excluded.first_time) at time zone 'UTC')::date
        """;

    /// <summary>
    /// The orders and revenue of every day of the customers whose orders changed: an order whose earliest event moved
    /// leaves a day this batch may not touch at all, so all of their days are recomputed (customers with orders).
    /// </summary>
    public string OrderDays => $"""
        with touched as (
            select customer_id from unnest(?::text[]) as t (customer_id)
        ), per_day as (
            -- "offset 0" keeps each lateral subquery a lookup by key: without it the planner may turn it into a join
            -- over the whole table (seen at 4M events: a full index scan a batch).
            select o.customer_id, o.first_day as day, count(*)::integer as orders, sum(o.amount) as revenue
            from touched t
            cross join lateral (select * from {tables.OrdersTable} x where x.customer_id = t.customer_id offset 0) o
            group by o.customer_id, o.first_day
        ), fresh as (
            select d.customer_id, d.day, coalesce(p.orders, 0) as orders, coalesce(p.revenue, 0) as revenue,
                   d.orders as old_orders, d.revenue as old_revenue
            from touched t
            cross join lateral (select * from {tables.CustomerDaysTable} x where x.customer_id = t.customer_id offset 0) d
            left join per_day p on p.customer_id = d.customer_id and p.day = d.day
        )
        update {tables.CustomerDaysTable} d set orders = f.orders, revenue = f.revenue
        from fresh f
        where d.customer_id = f.customer_id and d.day = f.day
          and (f.old_orders, f.old_revenue) is distinct from (f.orders, f.revenue)
        """;
}
