using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Tests;

public sealed class DaemonTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private static NewEvent Event(string stream, string key, string data = "{}") => new(stream, key, "test_event.v1", data);

    private async Task<ProjectionProgress> Progress(SchemaName schema, string name)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        return (await new ProjectionProgressStore(schema).ListAsync(connection, default)).Single(p => p.Name == name);
    }

    [Fact]
    public async Task the_daemon_applies_every_event_once_when_transactions_commit_in_the_opposite_order_of_their_sequences()
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var counting = new CountingProjection(schema, "interleaved");
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [counting], default);
        await store.AppendAsync([Event("before", "b1")], default);
        await using var daemon = new RunningDaemon(fixture.DataSource, schema, counting);
        await Eventually.Until(() => counting.AppliedAsync(fixture.DataSource), a => a.Count == 1, "the first event is applied");

        var inserted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var early = store.AppendAsync([Event("early", "e1")], async (_, _, _, _) =>
        {
            inserted.SetResult();
            await release.Task;
        }, default);
        await inserted.Task;
        await store.AppendAsync([Event("late", "l1"), Event("late", "l2")], default);
        var lateSequences = (await store.ReadStreamAsync("late", default)).Select(e => e.Position.Sequence).ToList();

        // Give the daemon every chance to run past the open transaction: it must not.
        await Task.Delay(300);
        (await counting.AppliedAsync(fixture.DataSource)).Keys.ShouldNotContain(s => lateSequences.Contains(s));

        release.SetResult();
        await early;
        var applied = await Eventually.Until(() => counting.AppliedAsync(fixture.DataSource), a => a.Count == 4, "all four events are applied");
        applied.Values.ShouldAllBe(count => count == 1);
        (await store.ReadStreamAsync("early", default)).Single().Position.Sequence.ShouldBeLessThan(lateSequences.Min());
    }

    [Fact]
    public async Task a_daemon_stopped_between_a_batch_writes_and_its_commit_applies_every_event_once_after_a_restart()
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var counting = new CountingProjection(schema, "restarted");
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [counting], default);
        for (var i = 0; i < 4; i++)
        {
            await store.AppendAsync([Event("s", $"k{i}a"), Event("s", $"k{i}b")], default);
        }

        var writesDone = new TaskCompletionSource();
        var stuck = new ScriptedProjection(counting, async (_, _, _, ct) =>
        {
            writesDone.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using (new RunningDaemon(fixture.DataSource, schema, stuck))
        {
            await writesDone.Task;
        }

        (await counting.AppliedAsync(fixture.DataSource)).ShouldBeEmpty("the interrupted batch rolled back");
        await using (new RunningDaemon(fixture.DataSource, schema, counting))
        {
            var applied = await Eventually.Until(() => counting.AppliedAsync(fixture.DataSource), a => a.Count == 8, "every event is applied");
            applied.Values.ShouldAllBe(count => count == 1);
        }
    }

    [Fact]
    public async Task a_poison_event_stops_only_its_projection_names_the_event_and_is_never_skipped()
    {
        var poisoned = await PoisonedStore.CreateAsync(fixture, before: 2, after: 2);

        await using (poisoned.StartDaemon(fixture.DataSource))
        {
            await Eventually.Until(() => Progress(poisoned.Schema, "fragile"), p => p.State == ProjectionStates.Failed, "the fragile projection fails");
            await Eventually.Until(() => poisoned.Healthy.AppliedAsync(fixture.DataSource), a => a.Count == 5, "the healthy projection applies everything");
        }

        var failed = await Progress(poisoned.Schema, "fragile");
        failed.Error.ShouldNotBeNull();
        failed.Error.ShouldContain(poisoned.Poison.Position.ToString());
        failed.Error.ShouldContain("cannot apply an event marked poison");
        (await poisoned.Fragile.AppliedAsync(fixture.DataSource)).Keys.Order().ShouldBe(
            (await poisoned.Store.ReadStreamAsync(PoisonedStore.Stream, default)).Take(2).Select(e => e.Position.Sequence));
    }

    [Fact]
    public async Task a_graceful_stop_lets_the_batch_in_flight_commit_before_the_daemon_ends()
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var counting = new CountingProjection(schema, "graceful");
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [counting], default);
        await store.AppendAsync([Event("g", "1"), Event("g", "2")], default);
        var writesDone = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = new ScriptedProjection(counting, async (_, _, _, _) =>
        {
            writesDone.TrySetResult();
            await release.Task;
        });

        await using var daemon = new RunningDaemon(fixture.DataSource, schema, slow);
        await writesDone.Task;
        var stopped = daemon.StopGracefullyAsync();
        release.SetResult();
        await stopped;

        (await counting.AppliedAsync(fixture.DataSource)).Values.ShouldBe([1, 1]);
    }
}
