namespace Ltv.EventStore.Tests;

public sealed class GlobalLogTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static NewEvent Event(string stream, string key) => new(stream, key, "test_event.v1", "{}");

    [Fact]
    public async Task reading_the_log_returns_events_in_position_order_and_continues_after_a_position()
    {
        var stream = "log-" + Guid.NewGuid().ToString("N");
        await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "b")], default);
        await fixture.Store.AppendAsync([Event(stream, "c")], default);

        var all = await ReadUntil(LogPosition.Start, events => events.Count(e => e.StreamId == stream) == 3);
        all.Select(e => e.Position).ShouldBeInOrder(SortDirection.Ascending);
        var mine = all.Where(e => e.StreamId == stream).ToList();
        mine.Select(e => e.DedupeKey).ShouldBe(["a", "b", "c"]);

        var rest = await ReadUntil(mine[0].Position, events => events.Count(e => e.StreamId == stream) == 2);
        rest.ShouldNotContain(e => e.Position <= mine[0].Position);
        rest.Where(e => e.StreamId == stream).Select(e => e.DedupeKey).ShouldBe(["b", "c"]);
    }

    [Fact]
    public async Task an_event_committed_late_with_a_lower_sequence_is_never_skipped()
    {
        var (early, late) = ("early-" + Guid.NewGuid().ToString("N"), "late-" + Guid.NewGuid().ToString("N"));
        var head = (await fixture.Store.ReadAllAsync(LogPosition.Start, 1_000_000, default)).LastOrDefault()?.Position ?? LogPosition.Start;
        var inserted = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // The first append takes its sequence number, then stays open until released.
        var slow = fixture.Store.AppendAsync([Event(early, "x")], async (_, _, _, _) =>
        {
            inserted.SetResult();
            await release.Task;
        }, default);
        await inserted.Task;

        // A second append takes a higher sequence number and commits first.
        await fixture.Store.AppendAsync([Event(late, "y")], default);

        var whileOpen = await fixture.Store.ReadAllAsync(head, 1000, default);
        whileOpen.ShouldNotContain(e => e.StreamId == late, "the reader must not pass an open transaction");

        release.SetResult();
        await slow;

        // Other tests share the server; their open transactions may hold the log back for a moment.
        var afterCommit = await ReadUntil(head, events => events.Any(e => e.StreamId == early) && events.Any(e => e.StreamId == late));
        afterCommit.Where(e => e.StreamId == early || e.StreamId == late).Select(e => e.StreamId).ShouldBe([early, late]);
    }

    [Fact]
    public async Task an_async_projection_applies_every_event_exactly_once_across_batches()
    {
        var stream = "async-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            await fixture.Store.AppendAsync(Enumerable.Range(0, 7).Select(j => Event(stream, $"{i}-{j}")).ToList(), default);
        }

        (await fixture.Runner(batchSize: 3).CatchUpAsync(TimeSpan.FromSeconds(30), default)).ReachedHead.ShouldBeTrue();
        (await fixture.Runner(batchSize: 3).CatchUpAsync(TimeSpan.FromSeconds(30), default)).Applied.ShouldBe(0);

        var applied = await fixture.Async.AppliedAsync(fixture.DataSource);
        var stored = await fixture.Store.ReadStreamAsync(stream, default);
        stored.Count.ShouldBe(35);
        stored.ShouldAllBe(e => applied[e.Position.Sequence] == 1);
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadUntil(LogPosition after, Func<IReadOnlyList<RecordedEvent>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var events = await fixture.Store.ReadAllAsync(after, 10_000, default);
            if (done(events) || DateTimeOffset.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(20);
        }
    }
}
