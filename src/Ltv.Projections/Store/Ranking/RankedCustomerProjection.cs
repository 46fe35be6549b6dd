using JasperFx.Events;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Marten.Events.Aggregation;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// LtvRanking: one <typeparamref name="TCopy"/> per customer stream, registered Async, so Marten's daemon keeps it
/// from the log behind the append. Its fold is the domain's <see cref="CustomerLifetime.Evolve"/>, as the inline
/// CustomerLifetime's is: the LTV rule exists once. Registered once per copy (blue/green), each under its own name.
/// </summary>
public sealed class RankedCustomerProjection<TCopy> : SingleStreamProjection<TCopy, string>
    where TCopy : RankedCustomer
{
    private readonly Func<CustomerLifetime, TCopy> _rank;

    public RankedCustomerProjection(string name, Func<CustomerLifetime, TCopy> rank)
    {
        Name = name;
        _rank = rank;
    }

    public override TCopy? Evolve(TCopy? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Data is CustomerEvent customerEvent
            ? _rank(CustomerLifetime.Evolve(snapshot?.Lifetime ?? CustomerLifetime.Initial(new CustomerId(id)), customerEvent))
            : snapshot;
    }
}
