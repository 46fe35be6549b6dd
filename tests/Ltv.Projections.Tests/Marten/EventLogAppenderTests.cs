using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store;
using Marten;
using static Ltv.Domain.Events.CustomerEvent;
using static Ltv.Projections.Store.AppendOutcome;

namespace Ltv.Projections.Tests.Marten;

public sealed class EventLogAppenderTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    private static SiteVisited Visit(CustomerId customer, int page) => new(customer, $"page-{page}", At("2017-01-06T12:00:00Z").AddMinutes(page), null);

    private async Task<IReadOnlyList<object>> StreamAsync(CustomerId customer)
    {
        await using var session = marten.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(customer.Value)).Select(e => e.Data)];
    }

    [Fact]
    public async Task stored_events_and_repeats_within_the_batch_are_duplicates_and_conflicting_when_their_content_differs()
    {
        var customer = new CustomerId("appender-outcomes");
        var order = new OrderPlaced(customer, "o-1", At("2017-01-06T12:00:00Z"), Money.InUsd(10m));
        var appender = new EventLogAppender(marten.Store);
        await appender.AppendAsync([order], alongside: null, CancellationToken.None);

        var result = await appender.AppendAsync(
            [Visit(customer, 1), order, order with { Amount = Money.InUsd(11m) }, Visit(customer, 1), Visit(customer, 1) with { TagsJson = "[1]" }],
            alongside: null,
            CancellationToken.None);

        result.Outcomes.ShouldBe([Appended, Duplicate, ConflictingDuplicate, Duplicate, ConflictingDuplicate]);
        (result.AppendedCount, result.DuplicateCount).ShouldBe((1, 4));
        (await StreamAsync(customer)).ShouldBe([order, Visit(customer, 1)]);
    }

    [Fact]
    public async Task overlapping_batches_appended_at_once_store_every_event_once_and_report_each_as_appended_once()
    {
        var customers = Enumerable.Range(0, 5).Select(c => new CustomerId($"appender-race-{c}")).ToArray();
        var all = customers.SelectMany(c => Enumerable.Range(0, 300).Select(p => (CustomerEvent)Visit(c, p))).ToArray();
        var batches = Enumerable.Range(0, 4).Select(w => all.Where((_, i) => (i + w) % 3 != 0).ToArray()).ToArray();

        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => new EventLogAppender(marten.Store).AppendAsync(b, null, CancellationToken.None))));

        var appended = batches.Zip(results).SelectMany(x => x.First.Where((_, i) => x.Second.Outcomes[i] == Appended)).ToList();
        appended.Count.ShouldBe(all.Length);
        appended.Distinct().Count().ShouldBe(all.Length);
        results.SelectMany(r => r.Outcomes).ShouldNotContain(ConflictingDuplicate);
        foreach (var customer in customers)
        {
            await using (var session = marten.Store.QuerySession())
            {
                (await session.Events.FetchStreamAsync(customer.Value)).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 300).Select(v => (long)v));
            }

            (await StreamAsync(customer)).OrderBy(e => ((SiteVisited)e).PageId, StringComparer.Ordinal)
                .ShouldBe(all.Where(e => e.CustomerId == customer).OrderBy(e => ((SiteVisited)e).PageId, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task writers_of_the_same_new_streams_in_opposite_orders_all_finish_and_store_every_event_once()
    {
        // Two files holding the same customers in opposite orders: each writer creates the same new streams, which
        // locks rows of mt_streams; in each file's order, the writers would wait on each other in a cycle (40P01).
        for (var round = 0; round < 5; round++)
        {
            var customers = Enumerable.Range(0, 200).Select(c => new CustomerId($"appender-cycle-{round}-{c}")).ToArray();
            var all = customers.SelectMany(c => Enumerable.Range(0, 3).Select(p => (CustomerEvent)Visit(c, p))).ToArray();
            CustomerEvent[][] batches = [all, [.. all.Reverse()], all, [.. all.Reverse()]];

            var results = await Task.WhenAll(batches.Select(b => Task.Run(() => new EventLogAppender(marten.Store).AppendAsync(b, null, CancellationToken.None))));

            results.Sum(r => r.AppendedCount).ShouldBe(all.Length, $"round {round}");
            await using var session = marten.Store.QuerySession();
            (await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.StartsWith($"appender-cycle-{round}-")).ToListAsync()).Count.ShouldBe(all.Length);
        }
    }

    [Fact]
    public async Task after_overlapping_batches_each_customer_lifetime_is_the_fold_of_its_stream_and_the_stream_takes_further_appends()
    {
        var customers = Enumerable.Range(0, 4).Select(c => new CustomerId($"appender-fold-{c}")).ToArray();
        var all = customers.SelectMany(c => Enumerable.Range(0, 60).Select(i => i % 3 == 0
            ? (CustomerEvent)new OrderPlaced(c, $"o-{i}", At("2017-01-06T12:00:00Z").AddHours(i), Money.InUsd(i + 1m))
            : Visit(c, i))).ToArray();
        var batches = Enumerable.Range(0, 4).Select(w => all.Where((_, i) => (i + w) % 4 != 0).Reverse().ToArray()).ToArray();

        await Task.WhenAll(batches.Select(b => Task.Run(() => new EventLogAppender(marten.Store).AppendAsync(b, null, CancellationToken.None))));
        foreach (var customer in customers)
        {
            await new EventLogAppender(marten.Store).AppendAsync([Visit(customer, 1000)], null, CancellationToken.None);
        }

        await using var session = marten.Store.QuerySession();
        foreach (var customer in customers)
        {
            var stream = await session.Events.FetchStreamAsync(customer.Value);
            stream.Select(e => e.Version).ShouldBe(Enumerable.Range(1, 61).Select(v => (long)v));
            var lifetime = (await session.LoadAsync<CustomerLifetime>(customer.Value)).ShouldNotBeNull();
            lifetime.ShouldBe(CustomerLifetime.From(customer, [.. stream.Select(e => (CustomerEvent)e.Data)]));
            lifetime.OrderCount.ShouldBe(20);
        }
    }

    [Fact]
    public async Task different_events_of_the_same_customers_appended_at_once_leave_each_customer_lifetime_the_fold_of_its_stream()
    {
        // Writers of different files (two hosts, two ingests) append different events to one stream at once. Each
        // commit folds its events onto the document as it read it: one that read it before another writer committed
        // would overwrite that writer's events, unless its append is refused and classified again.
        var customers = Enumerable.Range(0, 20).Select(c => new CustomerId($"appender-disjoint-{c}")).ToArray();
        for (var round = 0; round < 10; round++)
        {
            var batches = Enumerable.Range(0, 4)
                .Select(w => customers.Select(c => (CustomerEvent)Visit(c, (round * 4) + w)).ToArray())
                .ToArray();

            await Task.WhenAll(batches.Select(b => Task.Run(() => new EventLogAppender(marten.Store).AppendAsync(b, null, CancellationToken.None))));
        }

        await using var session = marten.Store.QuerySession();
        foreach (var customer in customers)
        {
            var stream = await session.Events.FetchStreamAsync(customer.Value);
            stream.Count.ShouldBe(40);
            var lifetime = (await session.LoadAsync<CustomerLifetime>(customer.Value)).ShouldNotBeNull();
            lifetime.Visits.ShouldBe(40, $"{customer.Value}: a writer's visits were lost from the inline document");
            lifetime.ShouldBe(CustomerLifetime.From(customer, [.. stream.Select(e => (CustomerEvent)e.Data)]));
        }
    }

    [Fact]
    public async Task appends_leave_the_high_water_mark_to_the_daemon_even_while_another_append_is_held_open()
    {
        var (held, other) = (new CustomerId("appender-held"), new CustomerId("appender-other"));
        await using var connection = await marten.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = marten.Store.LightweightSession(global::Marten.Services.SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append(held.Value, StoredEvents.Wrap(Visit(held, 1)));
            await session.SaveChangesAsync();
        }

        await new EventLogAppender(marten.Store).AppendAsync([Visit(other, 1), Visit(other, 2)], null, CancellationToken.None);

        // Only the daemon's gap detection may move the mark (DESIGN.md, "Subscriptions"); an append that wrote it could
        // pass the held sequence number, as Marten's bulk insert does (MartenBulkInsertLimitsTests).
        await using var command = marten.Database.DataSource.CreateCommand(
            $"select count(*) from {marten.Schema}.mt_event_progression where name = 'HighWaterMark'");
        (await command.ExecuteScalarAsync()).ShouldBe(0L);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task what_is_written_alongside_commits_with_the_batch_and_sees_its_outcomes()
    {
        var (customer, witness) = (new CustomerId("appender-alongside"), new CustomerId("appender-witness"));
        var appender = new EventLogAppender(marten.Store);
        await appender.AppendAsync([Visit(customer, 1)], null, CancellationToken.None);

        // The witness's page number records the outcome counts the callback saw: 1 appended, 1 duplicate.
        await appender.AppendAsync(
            [Visit(customer, 1), Visit(customer, 2)],
            (session, result) => session.Events.Append(witness.Value, StoredEvents.Wrap(Visit(witness, (10 * result.AppendedCount) + result.DuplicateCount))),
            CancellationToken.None);

        (await StreamAsync(witness)).ShouldBe([Visit(witness, 11)]);
        (await StreamAsync(customer)).ShouldBe([Visit(customer, 1), Visit(customer, 2)]);
    }
}
