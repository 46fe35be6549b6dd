using JasperFx.Events;
using Ltv.Domain.Events;
using Ltv.Projections.DailyStats;
using Marten;
using Marten.Events.Projections;

namespace Ltv.Projections.Store.DailyStats;

/// <summary>
/// DailyStats on Marten's async daemon: per customer per UTC day, visits, image uploads, orders and revenue (an order
/// counts on the day of its earliest event, with its current amount), plus each order and each customer's earliest
/// event, which new customers and repeaters need. A custom projection (Marten's <see cref="IProjection"/>): each
/// batch becomes four set-based statements queued on the daemon's session, so they commit with the batch's progress.
/// </summary>
public sealed class DailyStatsProjection(DailyStatsTables tables) : IProjection
{
    public const string ProjectionName = "daily_stats";

    private readonly DailyStatsSliceSql _sql = new(tables);

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var slice = DailyStatsSlice.Of(events.Select(e => e.Data).OfType<CustomerEvent>());
        if (slice.Customers.Length == 0)
        {
            return Task.CompletedTask;
        }

        operations.QueueSqlCommand(_sql.CustomerDays, slice.Customers, slice.Days, slice.Visits, slice.Images);
        operations.QueueSqlCommand(_sql.FirstEvents, slice.Customers, slice.Times);
        if (slice.HasOrders)
        {
            operations.QueueSqlCommand(
                _sql.Orders, slice.OrderCustomers, slice.OrderIds, slice.OrderAmounts, slice.OrderTimes, slice.OrderIsUpdate);
            operations.QueueSqlCommand(_sql.OrderDays, [slice.CustomersWithOrders]);
        }

        return Task.CompletedTask;
    }
}
