using Ltv.Projections.Lifetime;

namespace Ltv.Host.Customers;

/// <summary>The answer to <see cref="GetCustomer"/>: no customer when no event of that id was accepted.</summary>
public sealed record CustomerAnswer(CustomerView? Customer);
