using JasperFx.Events;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Marten.Events.Aggregation;

namespace Ltv.Projections.Store;

/// <summary>
/// CustomerLifetime, kept by Marten in the same transaction as the append (registered Inline). Its fold is the
/// domain's own <see cref="CustomerLifetime.Evolve"/>, so the LTV rule exists once and production runs it.
/// </summary>
public sealed class CustomerLifetimeProjection : SingleStreamProjection<CustomerLifetime, string>
{
    /// <summary>The name on the command line.</summary>
    public const string ProjectionName = "customer_lifetime";

    public CustomerLifetimeProjection()
    {
        Name = ProjectionName;
    }

    public override CustomerLifetime Evolve(CustomerLifetime? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Data is CustomerEvent customerEvent
            ? CustomerLifetime.Evolve(snapshot ?? CustomerLifetime.Initial(new CustomerId(id)), customerEvent)
            : snapshot ?? CustomerLifetime.Initial(new CustomerId(id));
    }
}
