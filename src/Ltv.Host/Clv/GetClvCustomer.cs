using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>The query for one customer's purchase summary and predictions over <paramref name="Horizon"/>.</summary>
public sealed record GetClvCustomer(string CustomerId, ClvHorizon Horizon, FitClv Fit)
{
    /// <summary>What the CLI prints and HTTP answers (404) when the customer has no order the models learned from.</summary>
    public string NotFound(DateOnly calibrationEnd) =>
        $"Customer '{CustomerId}' has no order on or before {ClvFitResponse.ClvDay(calibrationEnd)}: the models predict nothing for them.";
}
