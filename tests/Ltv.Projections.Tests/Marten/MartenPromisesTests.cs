using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Projections.Store;
using Marten.Exceptions;
using Npgsql;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// What the product relies on from Marten (STYLE.md, "Tests"): versioned type names, events that read back as they
/// were appended, stream versions, and duplicates refused by PostgreSQL itself. A Marten upgrade that breaks one
/// of these fails here.
/// </summary>
public sealed class MartenPromisesTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    private static CustomerEvent[] History(CustomerId c) =>
    [
        new SiteVisited(c, "page-1", At("2017-01-06T12:00:00Z"), """{"tags":["a",1]}"""),
        new CustomerRegistered(c, At("2017-01-05T08:00:00Z"), "Smith", "Middletown", "AK", """{"loyalty":"gold"}"""),
        new OrderPlaced(c, "o-1", At("2017-01-06T12:05:00Z"), new Money(12.34m, "USD")),
        new OrderAmended(c, "o-1", At("2017-01-07T09:00:00Z"), new Money(20m, "USD")),
        new ImageUploaded(c, "img-1", At("2017-01-06T12:03:00.123456Z"), "Canon", null),
        new CustomerDetailsChanged(c, At("2017-02-01T00:00:00Z"), "Smith-Jones", null, null),
    ];

    private async Task AppendAsync(CustomerId customer, params CustomerEvent[] events)
    {
        await using var session = marten.Store.LightweightSession();
        session.Events.Append(customer.Value, events.Select(StoredEvents.Wrap).ToArray());
        await session.SaveChangesAsync();
    }

    private async Task<List<string>> ColumnAsync(string sql, CustomerId customer)
    {
        await using var command = marten.Database.DataSource.CreateCommand(sql.Replace("{schema}", marten.Schema, StringComparison.Ordinal));
        command.Parameters.AddWithValue("stream", customer.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    [Fact]
    public async Task events_read_back_equal_to_what_was_appended_unknown_fields_and_microseconds_included()
    {
        var customer = new CustomerId("round-trip");

        await AppendAsync(customer, History(customer));
        await using var session = marten.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(customer.Value);

        stored.Select(e => e.Data).ShouldBe(History(customer));
    }

    [Fact]
    public async Task events_are_stored_under_their_versioned_type_names_never_clr_names()
    {
        var customer = new CustomerId("type-names");

        await AppendAsync(customer, History(customer));
        var types = await ColumnAsync("select type from {schema}.mt_events where stream_id = @stream order by version", customer);

        types.ShouldBe([
            StoredEventTypes.SiteVisited, StoredEventTypes.CustomerRegistered, StoredEventTypes.OrderPlaced,
            StoredEventTypes.OrderAmended, StoredEventTypes.ImageUploaded, StoredEventTypes.CustomerDetailsChanged]);
    }

    [Fact]
    public async Task each_stored_event_carries_the_id_of_its_identity_and_stream_versions_count_appends_in_arrival_order()
    {
        var customer = new CustomerId("versions");
        var history = History(customer);

        await AppendAsync(customer, history[..2]);
        await AppendAsync(customer, history[2..]);
        await using var session = marten.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(customer.Value);

        stored.Select(e => e.Version).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        stored.Select(e => e.Id).ShouldBe(history.Select(e => e.Identity.EventId));
    }

    [Fact]
    public async Task an_event_appended_again_is_refused_by_postgresql_and_the_whole_batch_with_it()
    {
        var customer = new CustomerId("duplicate");
        var history = History(customer);
        await AppendAsync(customer, history);

        var again = await Should.ThrowAsync<MartenCommandException>(() => AppendAsync(customer, new SiteVisited(customer, "page-2", At("2018-01-01T00:00:00Z"), null), history[0]));

        again.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        (await ColumnAsync("select count(*) from {schema}.mt_events where stream_id = @stream", customer)).ShouldBe(["6"]);
    }

    [Fact]
    public async Task the_same_event_appended_by_two_sessions_at_once_is_stored_once()
    {
        var customer = new CustomerId("race");
        var events = Enumerable.Range(0, 200)
            .Select(i => (CustomerEvent)new SiteVisited(customer, $"page-{i}", At("2017-01-06T12:00:00Z").AddMinutes(i), null))
            .ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await AppendAsync(customer, events);
                return true;
            }
            catch (MartenCommandException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return false;
            }
        }));

        outcomes.Count(appended => appended).ShouldBe(1);
        (await ColumnAsync("select count(*) from {schema}.mt_events where stream_id = @stream", customer)).ShouldBe(["200"]);
    }

    [Fact]
    public async Task two_customers_using_one_key_are_two_events()
    {
        var (ann, bob) = (new CustomerId("shared-key-ann"), new CustomerId("shared-key-bob"));

        await AppendAsync(ann, new OrderPlaced(ann, "o-shared", At("2017-01-06T12:00:00Z"), new Money(1m, "USD")));
        await AppendAsync(bob, new OrderPlaced(bob, "o-shared", At("2017-01-06T12:00:00Z"), new Money(1m, "USD")));

        (await ColumnAsync("select count(*) from {schema}.mt_events where stream_id = @stream", ann)).ShouldBe(["1"]);
        (await ColumnAsync("select count(*) from {schema}.mt_events where stream_id = @stream", bob)).ShouldBe(["1"]);
    }
}
