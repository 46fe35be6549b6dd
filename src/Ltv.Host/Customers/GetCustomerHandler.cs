using Ltv.Projections.Store.Customers;

namespace Ltv.Host.Customers;

/// <summary>Answers <see cref="GetCustomer"/> from the inline CustomerLifetime document and the customer's stream.</summary>
public static class GetCustomerHandler
{
    public static async Task<CustomerAnswer> Handle(GetCustomer query, CustomerQuery customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(customers);
        return new CustomerAnswer(await customers.ExecuteAsync(query.CustomerId, ct));
    }
}
