using Ltv.Domain.Lifetime;
using Marten;

namespace Ltv.Projections.Store.Summary;

/// <summary>
/// <see cref="StoreSummary"/> from Marten's log and the inline CustomerLifetime documents, in one statement so that
/// the counts come from one snapshot (LINQ would take five statements and four scans of the documents).
/// </summary>
public sealed class StoreSummaryQuery(IDocumentStore store)
{
    public async Task<StoreSummary> ExecuteAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        var customers = store.Options.Schema.For<CustomerLifetime>();

        // Field names as Marten's serializer writes CustomerLifetime (camel case); the answer comes back as JSON that
        // the same serializer reads into StoreSummary.
        var rows = await session.AdvancedSql.QueryAsync<StoreSummary>(
            $"""
            select json_build_object(
                'events', (select count(*) from {events} where stream_id <> ?),
                'customers', count(*),
                'customersWithoutProfile', count(*) filter (where d.data ->> 'profile' is null),
                'firstEventTime', min((d.data ->> 'firstEventTime')::timestamptz),
                'lastEventTime', max((d.data ->> 'lastEventTime')::timestamptz))
            from {customers} d
            """,
            ct,
            StoredEvents.TombstoneStream);
        return rows.Single();
    }
}
