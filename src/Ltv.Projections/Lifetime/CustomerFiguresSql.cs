using Ltv.EventStore;
using static Ltv.Domain.Events.StoredEventTypes;

namespace Ltv.Projections.Lifetime;

/// <summary>
/// Set-based SQL that folds a slice of the log into <see cref="CustomerFiguresTables"/>: the SQL twin of
/// Ltv.Domain.Lifetime.CustomerLifetime.Evolve (integration tests hold the two to each other). Every
/// figure depends on event_time only, never on arrival order, so any order of arrival gives the same rows.
/// </summary>
/// <remarks>
/// Performance (docs/PERFORMANCE.md): one statement per slice that reads the slice once, and writes each
/// customer row once and each order row once. Order figures are deltas (a new order adds one, an amended
/// amount adds the difference), so the orders table is never re-read per customer. The profile needs the
/// customer's two latest CUSTOMER events of all time; it reads them per affected stream through the
/// events index (a lateral join), never by a scan of the log, which would make ingest quadratic.
/// </remarks>
public static class CustomerFiguresSql
{
    /// <summary>All statements for one slice; the parameters are those of <see cref="EventRange.AddParameters"/>.</summary>
    public static string Apply(CustomerFiguresTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var events = tables.Schema.Qualify("events");
        return $"""
            -- The planner cannot estimate a (tx_id, seq) range well; on a large log it would think a slice is huge
            -- and spend ~30 ms per statement compiling it with JIT. These statements only ever touch one slice.
            set local jit = off;

            with slice as materialized (
                select e.stream_id, e.event_type, e.data, (e.data->>'eventTime')::timestamptz as t
                from {events} e
                where {EventRange.Filter("e")}
            ), figures as (
                select stream_id,
                       count(*) filter (where event_type = '{SiteVisited}') as visits,
                       count(*) filter (where event_type = '{ImageUploaded}') as images,
                       min(t) as first_t,
                       max(t) as last_t,
                       bool_or(event_type in ('{CustomerRegistered}', '{CustomerDetailsChanged}')) as has_profile_event
                from slice
                group by stream_id
            ), latest as (
                -- Each order of the slice as the slice alone sees it: its latest amount (UPDATE wins a tie), its first time.
                select distinct on (stream_id, order_id)
                       stream_id, order_id, amount, t, is_update, min(t) over (partition by stream_id, order_id) as first_t
                from (
                    select stream_id, data->>'orderId' as order_id, (data->>'amount')::numeric as amount, t,
                           event_type = '{OrderAmended}' as is_update
                    from slice
                    where event_type in ('{OrderPlaced}', '{OrderAmended}')
                ) o
                order by stream_id, order_id, t desc, is_update desc
            ), merged as (
                -- Merged with what is stored; the old amount gives the revenue delta.
                select l.stream_id, l.order_id,
                       o.customer_id is null as is_new,
                       coalesce(o.amount, 0) as old_amount,
                       case when o.customer_id is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.amount else o.amount end as amount,
                       case when o.customer_id is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.t else o.amount_time end as amount_time,
                       case when o.customer_id is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.is_update else o.amount_is_update end as amount_is_update,
                       least(l.first_t, o.first_time) as first_time
                from latest l
                left join {tables.OrdersTable} o on o.customer_id = l.stream_id and o.order_id = l.order_id
            ), written_orders as (
                insert into {tables.OrdersTable} as o (customer_id, order_id, amount, amount_time, amount_is_update, first_time)
                select stream_id, order_id, amount, amount_time, amount_is_update, first_time from merged
                on conflict (customer_id, order_id) do update set
                    amount = excluded.amount,
                    amount_time = excluded.amount_time,
                    amount_is_update = excluded.amount_is_update,
                    first_time = excluded.first_time
            ), order_deltas as (
                select stream_id, count(*) filter (where is_new) as orders, sum(amount - old_amount) as revenue
                from merged
                group by stream_id
            ), profiles as (
                -- The two latest CUSTOMER events of each stream the slice touches, among all the events this transaction
                -- sees: bounding them by the slice's end would miss those of a concurrent appender whose transaction id is
                -- larger but which committed first. Events past the slice are applied again by a later slice, so every
                -- profile still ends up as the fold of its whole stream.
                select f.stream_id, p.current, p.previous
                from figures f
                cross join lateral (
                    select a[1] as current, a[2] as previous
                    from (select array_agg(h.data order by h.t desc, h.is_update desc) as a from (
                        select e.data, (e.data->>'eventTime')::timestamptz as t, e.event_type = '{CustomerDetailsChanged}' as is_update
                        from {events} e
                        where e.stream_id = f.stream_id
                          and e.event_type in ('{CustomerRegistered}', '{CustomerDetailsChanged}')
                    ) h) history
                ) p
                where f.has_profile_event
            )
            insert into {tables.CustomersTable} as c (
                customer_id, visits, images, orders, revenue, first_event_time, last_event_time, has_customer_event,
                last_name, city, state, previous_last_name, previous_city, previous_state)
            select f.stream_id, f.visits, f.images, coalesce(d.orders, 0), coalesce(d.revenue, 0), f.first_t, f.last_t,
                   p.current is not null,
                   p.current->>'lastName', p.current->>'city', p.current->>'state',
                   p.previous->>'lastName', p.previous->>'city', p.previous->>'state'
            from figures f
            left join order_deltas d on d.stream_id = f.stream_id
            left join profiles p on p.stream_id = f.stream_id
            on conflict (customer_id) do update set
                visits = c.visits + excluded.visits,
                images = c.images + excluded.images,
                orders = c.orders + excluded.orders,
                revenue = c.revenue + excluded.revenue,
                first_event_time = least(c.first_event_time, excluded.first_event_time),
                last_event_time = greatest(c.last_event_time, excluded.last_event_time),
                has_customer_event = c.has_customer_event or excluded.has_customer_event,
                last_name = case when excluded.has_customer_event then excluded.last_name else c.last_name end,
                city = case when excluded.has_customer_event then excluded.city else c.city end,
                state = case when excluded.has_customer_event then excluded.state else c.state end,
                previous_last_name = case when excluded.has_customer_event then excluded.previous_last_name else c.previous_last_name end,
                previous_city = case when excluded.has_customer_event then excluded.previous_city else c.previous_city end,
                previous_state = case when excluded.has_customer_event then excluded.previous_state else c.previous_state end;
            """;
    }
}
