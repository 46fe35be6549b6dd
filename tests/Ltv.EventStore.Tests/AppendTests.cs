using Ltv.EventStore.Appending;

namespace Ltv.EventStore.Tests;

public sealed class AppendTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static NewEvent Event(string stream, string key, string data = """{"n": 1}""") =>
        new(stream, key, "test_event.v1", data);

    private static string NewStream() => "s-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task appended_events_get_stream_versions_in_input_order()
    {
        var stream = NewStream();
        var result = await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "b"), Event(stream, "c")], default);

        result.Outcomes.ShouldAllBe(o => o == AppendOutcome.Appended);
        var stored = await fixture.Store.ReadStreamAsync(stream, default);
        stored.Select(e => (e.DedupeKey, e.StreamVersion)).ShouldBe([("a", 1), ("b", 2), ("c", 3)]);
    }

    [Fact]
    public async Task versions_continue_across_appends_to_the_same_stream()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync([Event(stream, "a")], default);
        await fixture.Store.AppendAsync([Event(stream, "b"), Event(stream, "a")], default);

        var stored = await fixture.Store.ReadStreamAsync(stream, default);
        stored.Select(e => (e.DedupeKey, e.StreamVersion)).ShouldBe([("a", 1), ("b", 2)]);
    }

    [Fact]
    public async Task appending_the_same_identity_again_is_a_duplicate_and_stores_nothing()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "b")], default);

        var again = await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "b")], default);

        again.Outcomes.ShouldBe([AppendOutcome.Duplicate, AppendOutcome.Duplicate]);
        again.Appended.IsEmpty.ShouldBeTrue();
        (await fixture.Store.ReadStreamAsync(stream, default)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task an_identity_repeated_within_one_batch_is_appended_once()
    {
        var stream = NewStream();
        var result = await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "a"), Event(stream, "b")], default);

        result.Outcomes.ShouldBe([AppendOutcome.Appended, AppendOutcome.Duplicate, AppendOutcome.Appended]);
        (await fixture.Store.ReadStreamAsync(stream, default)).Select(e => e.StreamVersion).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task a_duplicate_with_a_different_payload_is_reported_as_conflicting()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync([Event(stream, "a", """{"amount": 1}""")], default);

        var result = await fixture.Store.AppendAsync(
            [Event(stream, "a", """{"amount": 2}"""), Event(stream, "a", """{ "amount" : 1 }""")], default);

        result.Outcomes.ShouldBe([AppendOutcome.ConflictingDuplicate, AppendOutcome.Duplicate]);
        (await fixture.Store.ReadStreamAsync(stream, default)).Single().Data.ShouldBe("""{"amount": 1}""");
    }

    [Fact]
    public async Task the_same_key_in_two_streams_is_two_events()
    {
        var (first, second) = (NewStream(), NewStream());
        var result = await fixture.Store.AppendAsync([Event(first, "shared"), Event(second, "shared")], default);

        result.AppendedCount.ShouldBe(2);
    }

    [Fact]
    public async Task a_failure_inside_the_append_transaction_appends_nothing()
    {
        var stream = NewStream();
        await Should.ThrowAsync<InvalidOperationException>(() => fixture.Store.AppendAsync(
            [Event(stream, "a")], (_, _, _, _) => throw new InvalidOperationException("boom"), default));

        (await fixture.Store.ReadStreamAsync(stream, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task inline_projections_see_exactly_the_appended_events_once()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync([Event(stream, "a"), Event(stream, "b")], default);
        await fixture.Store.AppendAsync([Event(stream, "b"), Event(stream, "c")], default);

        var stored = await fixture.Store.ReadStreamAsync(stream, default);
        var applied = await fixture.Inline.AppliedAsync(fixture.DataSource);
        foreach (var e in stored)
        {
            applied[e.Position.Sequence].ShouldBe(1);
        }
    }

    [Fact]
    public async Task concurrent_appends_to_one_stream_get_distinct_consecutive_versions_and_no_duplicates()
    {
        var stream = NewStream();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() => fixture.Store.AppendAsync(
            Enumerable.Range(0, 20).Select(i => Event(stream, $"k{(w * 7 + i) % 40}")).ToList(), default)));

        var results = await Task.WhenAll(writers);

        var stored = await fixture.Store.ReadStreamAsync(stream, default);
        stored.Select(e => e.DedupeKey).Distinct().Count().ShouldBe(stored.Count);
        stored.Select(e => e.StreamVersion).ShouldBe(Enumerable.Range(1, stored.Count));
        results.Sum(r => r.AppendedCount).ShouldBe(stored.Count);
    }
}
