using Ltv.Host.Composition;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;

namespace Ltv.Host.Clv;

/// <summary>Answers <see cref="GetClvTop"/>: fits the models, ranks every customer by CLV, adds Simple LTV.</summary>
public static class GetClvTopHandler
{
    public static async Task<ClvPredictions> Handle(GetClvTop query, ClvQuery clv, SimpleLtvQuery simple, LtvOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(simple);
        ArgumentNullException.ThrowIfNull(options);
        if (query.X < 0)
        {
            throw new UserError($"x must be 0 or more; it is {query.X}.");
        }

        var model = (await FitClvHandler.FitAsync(query.Fit, clv, ct)).Model;
        if (!model.PredictsSpend)
        {
            throw new UserError(
                "No usable spend model (too few repeat customers with spend, or q <= 1), so no CLV to rank by: see 'ltv clv fit' or GET /api/clv/fit.");
        }

        var top = model.PredictAll(query.Horizon).Take(query.X).ToList();
        var ltv = await simple.ExecuteAsync([.. top.Select(p => p.Customer.CustomerId)], options.Ltv, ct);
        return new ClvPredictions(model, query.Horizon, options.Ltv, top, ltv);
    }
}
