using Ltv.Domain.Clv;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Clv;
using Marten;

namespace Ltv.Projections.Store.Clv;

/// <summary>
/// The purchase facts the customer-base models read, from the inline CustomerLifetime documents, which hold every
/// order's current amount and earliest event time: each order counts on the UTC day of its earliest event (when it
/// was placed, whatever later updates say), and one customer's orders of one day are one fact with their summed
/// amount. Ordered by customer id (ordinal) then day.
/// </summary>
public sealed class PurchaseFactsQuery(IDocumentStore store) : IPurchaseFacts
{
    public async Task<IReadOnlyList<PurchaseFact>> ExecuteAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var facts = new List<PurchaseFact>();

        // Streamed: only the facts are held, never every document at once.
        await foreach (var customer in session.Query<CustomerLifetime>().Where(c => c.OrderCount > 0).ToAsyncEnumerable(ct))
        {
            facts.AddRange(Of(customer));
        }

        facts.Sort(ByCustomerThenDay);
        return facts;
    }

    private static IEnumerable<PurchaseFact> Of(CustomerLifetime customer) =>
        customer.Orders.Values
            .GroupBy(o => UtcDays.Of(o.FirstEventTime))
            .Select(day => new PurchaseFact(customer.Id, day.Key, day.Sum(o => o.Amount)));

    private static int ByCustomerThenDay(PurchaseFact a, PurchaseFact b)
    {
        var byCustomer = string.CompareOrdinal(a.CustomerId, b.CustomerId);
        return byCustomer != 0 ? byCustomer : a.Day.CompareTo(b.Day);
    }
}
