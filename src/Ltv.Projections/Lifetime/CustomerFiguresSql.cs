using Ltv.EventStore;
using static Ltv.Domain.Events.StoredEventTypes;

namespace Ltv.Projections.Lifetime;

/// <summary>
/// Set-based SQL that folds a slice of the log into <see cref="CustomerFiguresTables"/>: the SQL twin of
/// Ltv.Domain.Lifetime.CustomerLifetime.Evolve (integration tests hold the two to each other). Every
/// figure depends on event_time only, never on arrival order, so any order of arrival gives the same rows.
/// </summary>
/// <remarks>
/// Performance (docs/PERFORMANCE.md): one statement per slice, which reads the slice once and writes each
/// customer row and each order row once, updating found rows in place (by row id) and inserting the others.
/// Order figures are deltas (a new order adds one, an amended amount adds the difference), and a slice's CUSTOMER
/// events are merged with the two profiles the row keeps, so nothing re-reads a customer's orders or older events.
/// Plans must not depend on statistics, which trail a log growing by thousands of rows per second: every lookup
/// of stored rows is a lateral join on a key (an index probe), the per-customer parts are combined by grouping
/// rather than joined, and sequential scans are off (ProjectionSql does that for every slice).
/// </remarks>
public static class CustomerFiguresSql
{
    private const string ProfileTypes = $"('{CustomerRegistered}', '{CustomerDetailsChanged}')";

    /// <summary>All statements for one slice; the parameters are those of <see cref="EventRange.AddParameters"/>.</summary>
    public static string Apply(CustomerFiguresTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var events = tables.Schema.Qualify("events");
        return $"""
            with slice as materialized (
                -- The fields the figures need, read out of each payload once; the payload itself is not carried along.
                select e.stream_id, e.event_type, (e.data->>'eventTime')::timestamptz as t,
                       case when e.event_type in ('{OrderPlaced}', '{OrderAmended}') then e.data->>'orderId' end as order_id,
                       case when e.event_type in ('{OrderPlaced}', '{OrderAmended}') then (e.data->>'amount')::numeric end as amount,
                       case when e.event_type in {ProfileTypes} then e.data->>'lastName' end as last_name,
                       case when e.event_type in {ProfileTypes} then e.data->>'city' end as city,
                       case when e.event_type in {ProfileTypes} then e.data->>'state' end as state
                from {events} e
                where {EventRange.Filter("e")}
            ), figures as materialized (
                select stream_id,
                       count(*) filter (where event_type = '{SiteVisited}') as visits,
                       count(*) filter (where event_type = '{ImageUploaded}') as images,
                       min(t) as first_t,
                       max(t) as last_t,
                       bool_or(event_type in {ProfileTypes}) as has_profile_event
                from slice
                group by stream_id
            ), latest as (
                -- Each order of the slice as the slice alone sees it: its latest amount (UPDATE wins a tie), its first time.
                select distinct on (stream_id, order_id)
                       stream_id, order_id, amount, t, is_update, min(t) over (partition by stream_id, order_id) as first_t
                from (
                    select stream_id, order_id, amount, t, event_type = '{OrderAmended}' as is_update
                    from slice
                    where order_id is not null
                ) o
                order by stream_id, order_id, t desc, is_update desc
            ), merged as materialized (
                -- Merged with the stored order, if any; its old amount gives the revenue delta.
                select l.stream_id, l.order_id, o.row_id, o.row_id is null as is_new, coalesce(o.amount, 0) as old_amount,
                       case when o.amount is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.amount else o.amount end as amount,
                       case when o.amount is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.t else o.amount_time end as amount_time,
                       case when o.amount is null or (l.t, l.is_update) > (o.amount_time, o.amount_is_update)
                            then l.is_update else o.amount_is_update end as amount_is_update,
                       least(l.first_t, o.first_time) as first_time
                from latest l
                left join lateral (
                    select s.ctid as row_id, s.amount, s.amount_time, s.amount_is_update, s.first_time
                    from {tables.OrdersTable} s
                    where s.customer_id = l.stream_id and s.order_id = l.order_id
                    -- The primary key: at most one row. The limit keeps the lookup a lookup: without it the planner may
                    -- pull the subquery up into a join over the whole table (seen at 4M events: a full index scan a batch).
                    limit 1
                ) o on true
            ), updated_orders as (
                -- Rows found above are updated where they are (by row id: no second index lookup) and the others
                -- inserted, which is cheaper than an upsert (that locks a row before updating it). Nothing else writes
                -- them meanwhile: a stream's appends are serialised by its lock, a projection's batches by its progress row.
                update {tables.OrdersTable} o set
                    amount = m.amount, amount_time = m.amount_time, amount_is_update = m.amount_is_update, first_time = m.first_time
                from merged m
                where o.ctid = m.row_id
            ), inserted_orders as (
                insert into {tables.OrdersTable} (customer_id, order_id, amount, amount_time, amount_is_update, first_time)
                select stream_id, order_id, amount, amount_time, amount_is_update, first_time from merged where is_new
            ), profile_candidates as (
                -- The slice's CUSTOMER events, and the current and previous profile the customer's row holds already.
                select stream_id, t, event_type = '{CustomerDetailsChanged}' as is_update, last_name, city, state
                from slice
                where event_type in {ProfileTypes}
                union all
                select f.stream_id, p.t, p.is_update, p.last_name, p.city, p.state
                from figures f
                cross join lateral (
                    select x.profile_time, x.profile_is_update, x.last_name, x.city, x.state,
                           x.previous_profile_time, x.previous_profile_is_update, x.previous_last_name, x.previous_city, x.previous_state
                    from {tables.CustomersTable} x
                    where x.customer_id = f.stream_id
                    limit 1
                ) c
                cross join lateral (values
                    (c.profile_time, c.profile_is_update, c.last_name, c.city, c.state),
                    (c.previous_profile_time, c.previous_profile_is_update, c.previous_last_name, c.previous_city, c.previous_state)
                ) p (t, is_update, last_name, city, state)
                where f.has_profile_event and p.t is not null
            ), ranked_profiles as (
                -- CustomerProfile.CompareRecency: latest event_time, then UPDATE over NEW, then the details (ordinal, null
                -- lowest). The two latest become the current and previous profile, as folding every event one by one
                -- would leave them, without reading the customer's older events again.
                select stream_id, t, is_update, last_name, city, state,
                       row_number() over (
                           partition by stream_id
                           order by t desc, is_update desc, last_name collate "C" desc nulls last,
                                    city collate "C" desc nulls last, state collate "C" desc nulls last) as place
                from profile_candidates
            ), profiles as (
                select stream_id,
                       max(t) filter (where place = 1) as profile_t, bool_or(is_update) filter (where place = 1) as profile_is_update,
                       max(last_name) filter (where place = 1) as last_name, max(city) filter (where place = 1) as city,
                       max(state) filter (where place = 1) as state,
                       max(t) filter (where place = 2) as previous_t, bool_or(is_update) filter (where place = 2) as previous_is_update,
                       max(last_name) filter (where place = 2) as previous_last_name, max(city) filter (where place = 2) as previous_city,
                       max(state) filter (where place = 2) as previous_state
                from ranked_profiles
                where place <= 2
                group by stream_id
            ), parts as (
                select stream_id, visits, images, first_t, last_t, 0 as orders, 0 as revenue,
                       null::timestamptz as profile_t, null::boolean as profile_is_update, null::text as last_name, null::text as city,
                       null::text as state, null::timestamptz as previous_t, null::boolean as previous_is_update,
                       null::text as previous_last_name, null::text as previous_city, null::text as previous_state
                from figures
                union all
                select stream_id, 0, 0, null, null, count(*) filter (where is_new), sum(amount - old_amount),
                       null, null, null, null, null, null, null, null, null, null
                from merged
                group by stream_id
                union all
                select stream_id, 0, 0, null, null, 0, 0, profile_t, profile_is_update, last_name, city, state,
                       previous_t, previous_is_update, previous_last_name, previous_city, previous_state
                from profiles
            ), customer as materialized (
                -- One row per customer, by grouping its parts (each part holds one row per customer at most), with
                -- the row id of its stored row when it has one.
                select g.*, c.row_id
                from (
                    select stream_id, sum(visits) as visits, sum(images) as images, sum(orders) as orders, sum(revenue) as revenue,
                           min(first_t) as first_t, max(last_t) as last_t, bool_or(profile_t is not null) as has_customer_event,
                           max(profile_t) as profile_t, bool_or(profile_is_update) as profile_is_update,
                           max(last_name) as last_name, max(city) as city, max(state) as state,
                           max(previous_t) as previous_t, bool_or(previous_is_update) as previous_is_update,
                           max(previous_last_name) as previous_last_name, max(previous_city) as previous_city,
                           max(previous_state) as previous_state
                    from parts
                    group by stream_id
                ) g
                left join lateral (select x.ctid as row_id from {tables.CustomersTable} x where x.customer_id = g.stream_id limit 1) c on true
            ), updated as (
                update {tables.CustomersTable} c set
                    visits = c.visits + x.visits,
                    images = c.images + x.images,
                    orders = c.orders + x.orders,
                    -- trim_scale: a sum of deltas keeps the scale of amounts that no longer count (125.00 for 125.0),
                    -- so without it the stored value would depend on how events fell into batches.
                    revenue = trim_scale(c.revenue + x.revenue),
                    first_event_time = least(c.first_event_time, x.first_t),
                    last_event_time = greatest(c.last_event_time, x.last_t),
                    has_customer_event = c.has_customer_event or x.has_customer_event,
                    last_name = case when x.has_customer_event then x.last_name else c.last_name end,
                    city = case when x.has_customer_event then x.city else c.city end,
                    state = case when x.has_customer_event then x.state else c.state end,
                    previous_last_name = case when x.has_customer_event then x.previous_last_name else c.previous_last_name end,
                    previous_city = case when x.has_customer_event then x.previous_city else c.previous_city end,
                    previous_state = case when x.has_customer_event then x.previous_state else c.previous_state end,
                    profile_time = case when x.has_customer_event then x.profile_t else c.profile_time end,
                    profile_is_update = case when x.has_customer_event then x.profile_is_update else c.profile_is_update end,
                    previous_profile_time = case when x.has_customer_event then x.previous_t else c.previous_profile_time end,
                    previous_profile_is_update = case when x.has_customer_event then x.previous_is_update else c.previous_profile_is_update end
                from customer x
                where c.ctid = x.row_id
            )
            insert into {tables.CustomersTable} (
                customer_id, visits, images, orders, revenue, first_event_time, last_event_time, has_customer_event,
                last_name, city, state, previous_last_name, previous_city, previous_state,
                profile_time, profile_is_update, previous_profile_time, previous_profile_is_update)
            select stream_id, visits, images, orders, trim_scale(revenue), first_t, last_t, has_customer_event,
                   last_name, city, state, previous_last_name, previous_city, previous_state,
                   profile_t, profile_is_update, previous_t, previous_is_update
            from customer
            where row_id is null;
            """;
    }
}
