using JasperFx.Events.Projections;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// Top X as one SQL statement, so an answer costs one round trip and reads one snapshot: the live-copy pointer, that
/// copy's dataset span (two index probes), its first X customers (an index scan, <see cref="RankingIndexes"/>) and the
/// events after its projection's position in Marten's mt_event_progression. Both copies' branches are in the text;
/// the pointer's answer is a filter evaluated once, so PostgreSQL never runs the other copy's subqueries.
/// </summary>
/// <remarks>Named parameters are Marten's (<c>:name</c>, from an anonymous object) so one value serves both branches.</remarks>
public sealed class TopCustomersStatement
{
    private readonly string _blueShard = new ShardName(ReadModelCopies.ProjectionName(RankingRegistration.ReadModelName, ReadModelCopy.Blue)).Identity;
    private readonly string _greenShard = new ShardName(ReadModelCopies.ProjectionName(RankingRegistration.ReadModelName, ReadModelCopy.Green)).Identity;

    public TopCustomersStatement(IDocumentStore store, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(store);
        var schema = store.Options.Schema;

        // The key each index holds descending before the id (RankingIndexes): revenue orders the dataset timeframe
        // (weeks are the same for everyone), revenue per own week the customer timeframe.
        var key = timeframe == Timeframe.Dataset ? "revenue" : "weekly_value";
        var events = schema.ForEvents();
        var progression = schema.ForEventProgression();
        var pointer = $"{store.Options.DatabaseSchemaName}.{LiveCopyPointer.TableName}";
        Sql = $"""
            with live as (
                select coalesce((select p.live from {pointer} p where p.read_model = :readModel), :blue) as copy
            )
            select {Answer(schema.For<RankedCustomer.Blue>(), ":blueShard", key, events, progression)} from live where live.copy = :blue
            union all
            select {Answer(schema.For<RankedCustomer.Green>(), ":greenShard", key, events, progression)} from live where live.copy = :green
            """;
    }

    /// <summary>One row, one JSON object: <c>first</c>, <c>last</c> (null when the copy is empty), <c>lag</c>, <c>customers</c>.</summary>
    public string Sql { get; }

    /// <summary>The values of <see cref="Sql"/>'s named parameters, for Marten's <c>AdvancedSql</c>.</summary>
    public object Parameters(int x) => new
    {
        readModel = RankingRegistration.ReadModelName,
        blue = ReadModelCopy.Blue.Key(),
        green = ReadModelCopy.Green.Key(),
        blueShard = _blueShard,
        greenShard = _greenShard,
        tombstone = StoredEvents.TombstoneStream, // Marten's tombstones are no customer's events, and no lag
        x,
    };

    // The span: ordered and limited rather than min and max, each one probe of its index; an empty copy gives null.
    // The customers: the document's CustomerLifetime (under its camelCase name), all an answer reads of the document;
    // ties go to the lower id in ordinal order ("C" is PostgreSQL's byte order, whatever the database's locale).
    // The lag: counted rather than subtracted, because sequence numbers burned by rolled-back appends hold no events;
    // archived events left out as Marten's own event queries leave them out. The position is known only when the
    // statement runs, so PostgreSQL guesses a third of mt_events above it, and at 1M events planned a parallel scan whose
    // workers took 50-90 ms to start. Bounded above by the head too (the same events: none is above it), the guess is
    // a narrow range, and the plan one index scan of the events after the position.
    private static string Answer(string table, string shard, string key, string events, string progression) => $"""
        json_build_object(
            'first', (select d.first_event_time from {table} d order by d.first_event_time limit 1),
            'last', (select d.last_event_time from {table} d order by d.last_event_time desc limit 1),
            'lag', (select count(*) from {events} e
                    where e.seq_id > coalesce((select p.last_seq_id from {progression} p where p.name = {shard}), 0)
                      and e.seq_id <= (select max(h.seq_id) from {events} h)
                      and e.is_archived = false and e.stream_id <> :tombstone),
            'customers', coalesce(
                (select json_agg(r.lifetime order by r.key desc, r.id collate "C")
                 from (select d.id, d.{key} as key, d.data -> 'lifetime' as lifetime
                       from {table} d order by d.{key} desc, d.id collate "C" limit :x) r),
                '[]'))
        """;
}
