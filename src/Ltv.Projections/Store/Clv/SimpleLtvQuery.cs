using Ltv.Domain.Lifetime;
using Marten;

namespace Ltv.Projections.Store.Clv;

/// <summary>
/// Simple LTV (52 x a x t) of chosen customers, from the inline CustomerLifetime documents, so predictions can be shown
/// beside it. The same rule and timeframes as top X: the dataset timeframe spans the earliest to the latest event of
/// all customers.
/// </summary>
public sealed class SimpleLtvQuery(IDocumentStore store)
{
    /// <summary>Customer id to Simple LTV (USD, 2 decimals); customers without events are absent.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> ExecuteAsync(
        IReadOnlyCollection<string> customerIds, LtvSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var customers = batch.LoadMany<CustomerLifetime>().ById([.. customerIds]);
        var first = batch.Query<CustomerLifetime>().Min(c => c.FirstEventTime!.Value);
        var last = batch.Query<CustomerLifetime>().Max(c => c.LastEventTime!.Value);
        await batch.Execute(ct);

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var customer in await customers)
        {
            var weeks = settings.Timeframe == Timeframe.Dataset
                ? WeekCalendar.WeeksBetween(await first, await last)
                : WeekCalendar.WeeksBetween(customer.FirstEventTime!.Value, customer.LastEventTime!.Value);
            values[customer.Id] = SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(customer.Revenue, weeks, settings.LifespanYears));
        }

        return values;
    }
}
