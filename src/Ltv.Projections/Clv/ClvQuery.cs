using Ltv.Domain.Clv;

namespace Ltv.Projections.Clv;

/// <summary>The models fitted to the store's orders, with the facts they were fitted on.</summary>
/// <param name="Model">The fit (or, with too little data, the reasons there is none).</param>
/// <param name="Purchases">Every purchase fact in the store, calibration and after.</param>
/// <param name="LastPurchaseDay">The latest purchase day in the store; null when there are no orders.</param>
public sealed record ClvAnswer(ClvModel Model, IReadOnlyList<PurchaseFact> Purchases, DateOnly? LastPurchaseDay);

/// <summary>Fits BG/NBD and Gamma-Gamma to the orders in the store, for the CLI and the HTTP API alike.</summary>
public sealed class ClvQuery(IPurchaseFacts purchases)
{
    /// <summary>
    /// Fits on the purchases up to <paramref name="calibrationEnd"/> (inclusive); without one, on all of them, with the
    /// calibration ending on the latest purchase day, so that predictions are about what comes after the data.
    /// </summary>
    public async Task<ClvAnswer> FitAsync(DateOnly? calibrationEnd, ClvTimeUnit unit, CancellationToken ct)
    {
        var facts = await purchases.ExecuteAsync(ct);
        DateOnly? last = facts.Count == 0 ? null : facts.Max(f => f.Day);
        var end = calibrationEnd ?? last ?? DateOnly.FromDateTime(DateTime.UnixEpoch);
        var model = ClvModel.Fit(RfmSummary.From(facts, end, unit));
        return new ClvAnswer(model, facts, last);
    }
}
