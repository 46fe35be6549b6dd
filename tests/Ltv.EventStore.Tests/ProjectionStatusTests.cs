using Ltv.EventStore.Projections;

namespace Ltv.EventStore.Tests;

public sealed class ProjectionStatusTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    [Fact]
    public async Task a_projection_stopped_by_a_poison_event_shows_as_failed_with_the_event_and_error_while_the_others_catch_up()
    {
        var poisoned = await PoisonedStore.CreateAsync(fixture, before: 1, after: 1);
        var query = new ProjectionStatusQuery(fixture.DataSource, poisoned.Schema, inline: [], asynchronous: [poisoned.Healthy, poisoned.Fragile]);

        StoreStatus status;
        await using (poisoned.StartDaemon(fixture.DataSource))
        {
            status = await Eventually.Until(
                () => query.ExecuteAsync(default),
                s => s.Projections.Any(p => p.State == ProjectionStates.Failed) && s.Projections.Single(p => p.Name == "healthy").Lag == 0,
                "the fragile projection fails and the healthy one catches up");
        }

        var failed = status.Projections.Single(p => p.Name == "fragile");
        failed.State.ShouldBe(ProjectionStates.Failed);
        failed.Error.ShouldNotBeNull().ShouldContain(poisoned.Poison.Position.ToString());
        failed.Error.ShouldContain("cannot apply an event marked poison");
        failed.Lag.ShouldBe(2, "the poison and the event after it stay unapplied");
        var running = status.Projections.Single(p => p.Name == "healthy");
        (running.State, running.Position, running.Error).ShouldBe((ProjectionStates.Running, status.Head, null));
    }
}
