using Ltv.EventStore.Projections;

namespace Ltv.EventStore.Tests;

public sealed class VersionTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    [Fact]
    public async Task a_changed_projection_version_shows_as_stale_until_a_rebuild_replays_the_whole_log_once_into_fresh_rows()
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var first = new CountingProjection(schema, "versioned", version: 1);
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [first], default);
        await store.AppendAsync([new NewEvent("v", "a", "t.v1", "{}"), new NewEvent("v", "b", "t.v1", "{}")], default);
        await new AsyncProjectionRunner(fixture.DataSource, schema, first).CatchUpAsync(TimeSpan.FromSeconds(30), default);

        var second = new CountingProjection(schema, "versioned", version: 2);
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [second], default);
        var stale = await new ProjectionStatusQuery(fixture.DataSource, schema, [], [second]).ExecuteAsync(default);

        stale.Projections.Single().State.ShouldBe(ProjectionStatusQuery.Stale);
        (stale.Projections.Single().Version, stale.Projections.Single().CodeVersion).ShouldBe((1, 2));
        await second.DamageAsync(fixture.DataSource);
        (await second.AppliedAsync(fixture.DataSource)).Values.ShouldHaveSingleItem().ShouldBe(3, "the damage shows");

        var result = await new ProjectionRebuilder(fixture.DataSource, schema).RebuildAsync(second, inline: false, replayed: null, default);
        var rebuilt = await new ProjectionStatusQuery(fixture.DataSource, schema, [], [second]).ExecuteAsync(default);

        result.Events.ShouldBe(2);
        (rebuilt.Projections.Single().State, rebuilt.Projections.Single().Version).ShouldBe((ProjectionStates.Running, 2));
        (await second.AppliedAsync(fixture.DataSource)).Values.ShouldBe([1, 1]);
    }

    [Fact]
    public async Task a_failed_projection_runs_again_after_a_rebuild()
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var projection = new CountingProjection(schema, "recovering");
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [projection], default);
        await store.AppendAsync([new NewEvent("r", "a", "t.v1", "{}")], default);
        await new ProjectionProgressStore(schema).MarkFailedAsync(fixture.DataSource, projection.Name, "event x: boom", default);
        (await new AsyncProjectionRunner(fixture.DataSource, schema, projection).RunBatchAsync(default)).ShouldBe(0, "a failed projection does not advance");

        await new ProjectionRebuilder(fixture.DataSource, schema).RebuildAsync(projection, inline: false, replayed: null, default);
        await store.AppendAsync([new NewEvent("r", "b", "t.v1", "{}")], default);
        await new AsyncProjectionRunner(fixture.DataSource, schema, projection).CatchUpAsync(TimeSpan.FromSeconds(30), default);

        (await projection.AppliedAsync(fixture.DataSource)).Count.ShouldBe(2);
    }
}
