using Ltv.EventStore;
using static Ltv.Domain.Events.StoredEventTypes;

namespace Ltv.Projections.DailyStats;

/// <summary>
/// Set-based SQL that folds a slice of the log into <see cref="DailyStatsTables"/>: the SQL twin of
/// Ltv.Domain.DailyStats.DailyStatsReference (integration tests hold the two to each other, for any arrival
/// order and any split into batches). Visits and images only ever add up; an order's day and amount can change
/// with any later batch, so order figures are recomputed from the orders table rather than incremented.
/// </summary>
public static class DailyStatsSql
{
    private const string EventTime = "(e.data->>'eventTime')::timestamptz";
    private const string EventDay = $"({EventTime} at time zone 'UTC')::date";

    /// <summary>All statements for one slice; the parameters are those of <see cref="EventRange.AddParameters"/>.</summary>
    public static string Apply(DailyStatsTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var events = tables.Schema.Qualify("events");
        var range = EventRange.Filter("e");
        var isOrder = $"e.event_type in ('{OrderPlaced}', '{OrderAmended}')";
        return $"""
            -- Every event makes its customer active on its day; that row is also where the day's orders land.
            insert into {tables.CustomerDaysTable} as d (customer_id, day, visits, images)
            select e.stream_id, {EventDay},
                   count(*) filter (where e.event_type = '{SiteVisited}'),
                   count(*) filter (where e.event_type = '{ImageUploaded}')
            from {events} e
            where {range}
            group by 1, 2
            on conflict (customer_id, day) do update set
                visits = d.visits + excluded.visits,
                images = d.images + excluded.images
            where excluded.visits > 0 or excluded.images > 0;

            insert into {tables.CustomersTable} as c (customer_id, first_time)
            select e.stream_id, min({EventTime})
            from {events} e
            where {range}
            group by e.stream_id
            on conflict (customer_id) do update set first_time = excluded.first_time
            where excluded.first_time < c.first_time;

            with batch as (
                select e.stream_id as customer_id, e.data->>'orderId' as order_id, (e.data->>'amount')::numeric as amount,
                       {EventTime} as t, e.event_type = '{OrderAmended}' as is_update
                from {events} e
                where {range} and {isOrder}
            ), latest as (
                select distinct on (customer_id, order_id)
                       customer_id, order_id, amount, t, is_update,
                       min(t) over (partition by customer_id, order_id) as first_t
                from batch
                order by customer_id, order_id, t desc, is_update desc
            )
            insert into {tables.OrdersTable} as o (customer_id, order_id, amount, amount_time, amount_is_update, first_time)
            select customer_id, order_id, amount, t, is_update, first_t from latest
            on conflict (customer_id, order_id) do update set
                amount = case when (excluded.amount_time, excluded.amount_is_update) > (o.amount_time, o.amount_is_update)
                              then excluded.amount else o.amount end,
                amount_is_update = case when (excluded.amount_time, excluded.amount_is_update) > (o.amount_time, o.amount_is_update)
                              then excluded.amount_is_update else o.amount_is_update end,
                amount_time = greatest(o.amount_time, excluded.amount_time),
                first_time = least(o.first_time, excluded.first_time);

            -- An order whose earliest event just moved leaves its old day, which this batch may not touch at all:
            -- recomputing every day of the customers whose orders changed covers both days without tracking them.
            with touched as (
                select distinct e.stream_id as customer_id
                from {events} e
                where {range} and {isOrder}
            ), per_day as (
                -- Each touched customer's rows by their key. "offset 0" keeps each a lookup: without it the planner may
                -- turn the subquery into a join over the whole table (seen at 4M events: a full index scan a batch).
                select o.customer_id, o.first_day as day, count(*)::integer as orders, sum(o.amount) as revenue
                from touched t
                cross join lateral (select * from {tables.OrdersTable} x where x.customer_id = t.customer_id offset 0) o
                group by o.customer_id, o.first_day
            ), fresh as (
                select d.row_id, coalesce(p.orders, 0) as orders, coalesce(p.revenue, 0) as revenue, d.orders as old_orders, d.revenue as old_revenue
                from touched t
                cross join lateral (
                    select x.ctid as row_id, x.customer_id, x.day, x.orders, x.revenue
                    from {tables.CustomerDaysTable} x
                    where x.customer_id = t.customer_id
                    offset 0
                ) d
                left join per_day p on p.customer_id = d.customer_id and p.day = d.day
            )
            -- Found rows are updated where they are, by row id: no second lookup.
            update {tables.CustomerDaysTable} d set orders = f.orders, revenue = f.revenue
            from fresh f
            where d.ctid = f.row_id
              and (f.old_orders, f.old_revenue) is distinct from (f.orders, f.revenue);
            """;
    }
}
