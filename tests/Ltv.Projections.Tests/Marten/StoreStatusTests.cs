using JasperFx.Events.Daemon;
using Ltv.Domain.Events;
using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>`ltv status` as Marten records it: positions and lag of every read model, the head and the high-water mark.</summary>
public sealed class StoreStatusTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private StoreStatusQuery Query => new(marten.Store, marten.Database.DataSource, marten.Schema);

    [Fact]
    public async Task async_read_models_lag_by_the_events_the_daemon_has_not_applied_and_catch_up_to_the_head()
    {
        List<CustomerEvent> events = [.. LtvOracle.AcceptedEvents(SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 20, Seed: 4)))];
        await new EventLogAppender(marten.Store).AppendAsync(events, alongside: null, CancellationToken.None);

        var before = await Query.ExecuteAsync(CancellationToken.None);

        before.Events.ShouldBe(events.Count);
        before.Head.ShouldBeGreaterThanOrEqualTo(events.Count);
        before.HighWaterMark.ShouldBe(0);
        before.SkippedGaps.ShouldBe(0);
        before.DeadLetterEvents.ShouldBe(0);
        before.Projections.Select(p => p.Name).ShouldBe(LtvStoreOptions.ReadModels.Select(m => m.Name));
        before.Projections.Single(p => p.Inline).ShouldBe(
            new ProjectionStatus(CustomerLifetimeProjection.ProjectionName, true, before.Head, 0, 0, ProjectionStates.Inline, null));
        foreach (var model in before.Projections.Where(p => !p.Inline))
        {
            (model.Position, model.Lag, model.State).ShouldBe((0L, (long)events.Count, ProjectionStates.Running), model.Name);
            model.LagSeconds.ShouldBeGreaterThan(0, model.Name);
        }

        using var daemon = await marten.Store.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var after = await Query.ExecuteAsync(CancellationToken.None);

        after.HighWaterMark.ShouldBe(after.Head);
        foreach (var model in after.Projections.Where(p => !p.Inline))
        {
            (model.Position, model.Lag, model.LagSeconds, model.State).ShouldBe((after.Head, 0L, 0d, ProjectionStates.Running), model.Name);
        }
    }
}
