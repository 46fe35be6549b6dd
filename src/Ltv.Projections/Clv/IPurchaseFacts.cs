using Ltv.Domain.Clv;

namespace Ltv.Projections.Clv;

/// <summary>
/// Where <see cref="ClvQuery"/> gets its purchase facts: each customer's orders at their current amounts, one fact per
/// customer and UTC day the orders were placed on, ordered by customer id (ordinal) then day. Either store serves it.
/// </summary>
public interface IPurchaseFacts
{
    Task<IReadOnlyList<PurchaseFact>> ExecuteAsync(CancellationToken ct);
}
