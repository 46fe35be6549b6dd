using JasperFx.Events;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Marten.Events.Aggregation;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// LtvRanking: one <see cref="RankedCustomer"/> per customer stream, registered Async, so Marten's daemon keeps
/// it from the log behind the append. Its fold is the domain's <see cref="CustomerLifetime.Evolve"/>, as the inline
/// CustomerLifetime's is: the LTV rule exists once.
/// </summary>
public sealed class RankedCustomerProjection : SingleStreamProjection<RankedCustomer, string>
{
    /// <summary>The name on the command line and in Marten's progress table (mt_event_progression).</summary>
    public const string ProjectionName = "ltv_ranking";

    public RankedCustomerProjection()
    {
        Name = ProjectionName;
    }

    public override RankedCustomer? Evolve(RankedCustomer? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Data is CustomerEvent customerEvent
            ? RankedCustomer.Of(CustomerLifetime.Evolve(snapshot?.Lifetime ?? CustomerLifetime.Initial(new CustomerId(id)), customerEvent))
            : snapshot;
    }
}
