using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>
/// The query for BG/NBD and Gamma-Gamma fitted to the store's orders up to <paramref name="CalibrationEnd"/> (default
/// the latest purchase day), counting time in <paramref name="Unit"/>.
/// </summary>
public sealed record FitClv(DateOnly? CalibrationEnd, ClvTimeUnit Unit);
