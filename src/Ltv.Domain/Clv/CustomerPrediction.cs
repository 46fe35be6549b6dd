namespace Ltv.Domain.Clv;

/// <summary>What the models predict for one customer from the calibration end on.</summary>
/// <param name="Customer">The customer's calibration summary.</param>
/// <param name="Horizon">The horizon and discount rate used.</param>
/// <param name="ProbabilityAlive">P(alive) at the calibration end, 0..1 (BG/NBD).</param>
/// <param name="ExpectedOrders">Expected repeat transactions (purchase days) within the horizon (BG/NBD).</param>
/// <param name="ExpectedSpendPerOrder">Expected USD per future transaction (Gamma-Gamma); null without a usable spend model.</param>
/// <param name="Clv">Discounted expected USD spend within the horizon; null without a usable spend model.</param>
public sealed record CustomerPrediction(
    CustomerRfm Customer, ClvHorizon Horizon, double ProbabilityAlive, double ExpectedOrders, double? ExpectedSpendPerOrder, double? Clv);
