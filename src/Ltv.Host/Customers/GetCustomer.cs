namespace Ltv.Host.Customers;

/// <summary>The query for one customer: profile, lifetime figures and stream.</summary>
public sealed record GetCustomer(string CustomerId)
{
    /// <summary>What the CLI prints and HTTP answers (404) when the customer is not in the store.</summary>
    public string NotFound => $"No customer '{CustomerId}': no event of that customer was accepted.";
}
