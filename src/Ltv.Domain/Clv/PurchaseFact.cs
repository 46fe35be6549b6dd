namespace Ltv.Domain.Clv;

/// <summary>
/// What the customer-base models see of an order: who bought, on which UTC day, for how much (USD, the order's
/// current amount). Several facts of one customer on one day are one transaction.
/// </summary>
public sealed record PurchaseFact(string CustomerId, DateOnly Day, decimal Amount);
