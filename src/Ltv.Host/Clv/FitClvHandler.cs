using Ltv.Projections.Clv;

namespace Ltv.Host.Clv;

/// <summary>Answers <see cref="FitClv"/>; the other CLV handlers fit through it too.</summary>
public static class FitClvHandler
{
    public static Task<ClvAnswer> Handle(FitClv query, ClvQuery clv, CancellationToken ct) => FitAsync(query, clv, ct);

    /// <summary>The fitted models; a user error when the store has no orders, or too few to fit.</summary>
    public static async Task<ClvAnswer> FitAsync(FitClv query, ClvQuery clv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(clv);
        var answer = await clv.FitAsync(query.CalibrationEnd, query.Unit, ct);
        if (answer.LastPurchaseDay is null)
        {
            throw new UserError("No orders in the store: ingest some first (see 'ltv import cdnow' for a reference data set).");
        }

        return answer.Model.Sufficiency.Sufficient
            ? answer
            : throw new UserError("Too little data to fit the CLV models: " + string.Join("; ", answer.Model.Sufficiency.Problems) + ".");
    }
}
