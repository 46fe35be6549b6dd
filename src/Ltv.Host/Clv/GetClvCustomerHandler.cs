using Ltv.Host.Composition;
using Ltv.Projections.Clv;
using Ltv.Projections.Store.Clv;

namespace Ltv.Host.Clv;

/// <summary>Answers <see cref="GetClvCustomer"/>: no prediction when the customer has no order up to the calibration end.</summary>
public static class GetClvCustomerHandler
{
    public static async Task<ClvPredictions> Handle(GetClvCustomer query, ClvQuery clv, SimpleLtvQuery simple, LtvOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(simple);
        ArgumentNullException.ThrowIfNull(options);
        var model = (await FitClvHandler.FitAsync(query.Fit, clv, ct)).Model;
        if (model.Summary.Customers.FirstOrDefault(c => c.CustomerId == query.CustomerId) is not { } customer)
        {
            return new ClvPredictions(model, query.Horizon, options.Ltv, [], new Dictionary<string, decimal>());
        }

        var ltv = await simple.ExecuteAsync([query.CustomerId], options.Ltv, ct);
        return new ClvPredictions(model, query.Horizon, options.Ltv, [model.Predict(customer, query.Horizon)], ltv);
    }
}
