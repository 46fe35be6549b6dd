namespace Ltv.Host.Clv;

/// <summary>
/// The query for a holdout validation: the models fitted up to the calibration end, their predicted repeat orders
/// against the actual ones from the day after it to <paramref name="HoldoutEnd"/> (default the latest purchase day).
/// </summary>
public sealed record ValidateClv(FitClv Fit, DateOnly? HoldoutEnd);
