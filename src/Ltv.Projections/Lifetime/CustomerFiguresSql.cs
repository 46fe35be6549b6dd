using Ltv.EventStore;
using static Ltv.Domain.Events.StoredEventTypes;

namespace Ltv.Projections.Lifetime;

/// <summary>
/// Set-based SQL that folds a slice of the log into <see cref="CustomerFiguresTables"/>: the SQL twin of
/// Ltv.Domain.Lifetime.CustomerLifetime.Evolve (integration tests hold the two to each other). Every
/// figure depends on event_time only, never on arrival order, so any order of arrival gives the same rows.
/// </summary>
public static class CustomerFiguresSql
{
    private const string EventTime = "(e.data->>'eventTime')::timestamptz";

    /// <summary>All statements for one slice; the parameters are those of <see cref="EventRange.AddParameters"/>.</summary>
    public static string Apply(CustomerFiguresTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var events = tables.Schema.Qualify("events");
        var range = EventRange.Filter("e");
        return $"""
            insert into {tables.CustomersTable} as c (customer_id, visits, images, first_event_time, last_event_time)
            select e.stream_id,
                   count(*) filter (where e.event_type = '{SiteVisited}'),
                   count(*) filter (where e.event_type = '{ImageUploaded}'),
                   min({EventTime}),
                   max({EventTime})
            from {events} e
            where {range}
            group by e.stream_id
            on conflict (customer_id) do update set
                visits = c.visits + excluded.visits,
                images = c.images + excluded.images,
                first_event_time = least(c.first_event_time, excluded.first_event_time),
                last_event_time = greatest(c.last_event_time, excluded.last_event_time);

            with batch as (
                select e.stream_id as customer_id, e.data->>'orderId' as order_id, (e.data->>'amount')::numeric as amount,
                       {EventTime} as t, e.event_type = '{OrderAmended}' as is_update
                from {events} e
                where {range} and e.event_type in ('{OrderPlaced}', '{OrderAmended}')
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

            update {tables.CustomersTable} c set orders = a.orders, revenue = a.revenue
            from (
                select o.customer_id, count(*) as orders, sum(o.amount) as revenue
                from {tables.OrdersTable} o
                where o.customer_id in (
                    select e.stream_id from {events} e
                    where {range} and e.event_type in ('{OrderPlaced}', '{OrderAmended}'))
                group by o.customer_id
            ) a
            where c.customer_id = a.customer_id;

            with affected as (
                select distinct e.stream_id from {events} e
                where {range} and e.event_type in ('{CustomerRegistered}', '{CustomerDetailsChanged}')
            ), ranked as (
                select e.stream_id, e.data,
                       row_number() over (
                           partition by e.stream_id
                           order by {EventTime} desc, e.event_type = '{CustomerDetailsChanged}' desc) as rn
                from {events} e
                where e.stream_id in (select stream_id from affected)
                  and e.event_type in ('{CustomerRegistered}', '{CustomerDetailsChanged}')
                  and {EventRange.UpToEnd("e")}
            )
            update {tables.CustomersTable} c set
                has_customer_event = true,
                last_name = cur.data->>'lastName',
                city = cur.data->>'city',
                state = cur.data->>'state',
                previous_last_name = prev.data->>'lastName',
                previous_city = prev.data->>'city',
                previous_state = prev.data->>'state'
            from ranked cur
            left join ranked prev on prev.stream_id = cur.stream_id and prev.rn = 2
            where cur.rn = 1 and c.customer_id = cur.stream_id;
            """;
    }
}
