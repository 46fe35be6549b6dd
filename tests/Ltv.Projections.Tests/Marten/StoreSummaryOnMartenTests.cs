using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>`ltv summary` on Marten: counts over the log and the inline CustomerLifetime documents.</summary>
[Collection(SyntheticLogs.Name)]
public sealed class StoreSummaryOnMartenTests(MixedLog mixed, RegisteredLog registered)
{
    private AppendedLog Log(bool withUnregistered) => withUnregistered ? mixed : registered;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task the_summary_counts_each_accepted_event_once_and_every_customer_of_the_domain_fold(bool withUnregistered)
    {
        var log = Log(withUnregistered);

        var summary = await new Store.Summary.StoreSummaryQuery(log.Marten.Store).ExecuteAsync(CancellationToken.None);

        summary.ShouldBe(new StoreSummary(
            LtvOracle.AcceptedEvents(log.Lines).Count,
            log.Customers.Count,
            log.Customers.Count(c => !c.HasCustomerEvent),
            log.Customers.Min(c => c.FirstEventTime),
            log.Customers.Max(c => c.LastEventTime)));
        (summary.CustomersWithoutProfile > 0).ShouldBe(withUnregistered);
    }

}
