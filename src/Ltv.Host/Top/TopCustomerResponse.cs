using Ltv.Host.Cli.Output;
using Ltv.Projections.Store.Ranking;

namespace Ltv.Host.Top;

/// <summary>One row of top X, in `ltv top X --format json` and GET /api/customers/top alike (money with 2 decimals).</summary>
public sealed record TopCustomerResponse(string CustomerId, string? LastName, int Visits, int Orders, decimal Revenue, int Weeks, decimal Ltv)
{
    public static IReadOnlyList<TopCustomerResponse> From(TopCustomersAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return [.. answer.Customers.Select(c => new TopCustomerResponse(
            c.CustomerId.Value, c.LastName, c.Visits, c.Orders, Numbers.Money(c.Revenue), c.Weeks, Numbers.Money(c.Ltv)))];
    }
}
