using JasperFx.Events.Daemon;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Ranking;
using Ltv.Projections.Store;
using Ltv.Testing;
using LtvHistogramQuery = Ltv.Projections.Store.Ranking.LtvHistogramQuery;

namespace Ltv.Projections.Tests.Marten;

/// <summary>The histogram reads the async ranking: it says how far behind the log that is, and counts what it holds.</summary>
public sealed class LtvHistogramLagOnMartenTests(MartenStore marten) : IClassFixture<MartenStore>
{
    [Fact]
    public async Task events_the_daemon_has_not_applied_show_as_lag_and_not_in_the_buckets()
    {
        string[] lines =
        [
            """{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2020-01-05T10:00:00Z", "customer_id": "c1", "total_amount": "10.00 USD"}""",
            """{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "2020-01-18T10:00:00Z", "customer_id": "c2", "total_amount": "20.00 USD"}""",
            """{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2020-01-10T10:00:00Z", "customer_id": "c3"}""",
        ];
        var appender = new EventLogAppender(marten.Store);
        var query = new LtvHistogramQuery(marten.Store);
        await appender.AppendAsync(LtvOracle.AcceptedEvents(lines[..2]), alongside: null, CancellationToken.None);

        var behind = await query.ExecuteAsync(5, HistogramScale.Linear, LtvSettings.Default, CancellationToken.None);
        using (var daemon = await marten.Store.BuildProjectionDaemonAsync())
        {
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        await appender.AppendAsync(LtvOracle.AcceptedEvents(lines[2..]), alongside: null, CancellationToken.None);
        var caughtUp = await query.ExecuteAsync(5, HistogramScale.Linear, LtvSettings.Default, CancellationToken.None);

        (behind.Customers, behind.Lag).ShouldBe((0L, 2L));

        // By hand: dataset weeks from Sunday 2020-01-05 to Saturday 2020-01-18 = 2; 52 x 10 x 10 / 2 = 2600, 52 x 20 x 10 / 2 = 5200.
        (caughtUp.Customers, caughtUp.WithoutRevenue, caughtUp.Min, caughtUp.Max, caughtUp.Lag).ShouldBe((2L, 0L, (decimal?)2600m, (decimal?)5200m, 1L));
        caughtUp.Buckets.ShouldBe([new LtvBucket(0m, 1040m, 0), new LtvBucket(1040m, 2080m, 0), new LtvBucket(2080m, 3120m, 1),
            new LtvBucket(3120m, 4160m, 0), new LtvBucket(4160m, 5200m, 1)]);
    }
}
