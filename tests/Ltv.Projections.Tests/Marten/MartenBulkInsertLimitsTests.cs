using System.Transactions;
using JasperFx.Events;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store;
using Marten;
using Marten.Services;
using Npgsql;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// Why ingest does not use Marten's COPY path for events (docs/MARTEN.md, "Bulk insert"): what
/// <c>IDocumentStore.BulkInsertEventsAsync</c> does in Marten 9.62 that breaks a guarantee of ours. These pin Marten's
/// behaviour, not ours: when one fails, Marten changed, and the bulk path is worth measuring again.
/// </summary>
public sealed class MartenBulkInsertLimitsTests(MartenStore marten) : IClassFixture<MartenStore>
{
    private static readonly DateTimeOffset Noon = new(2017, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private static SiteVisited Visit(CustomerId customer, int page) => new(customer, $"page-{page}", Noon.AddMinutes(page), null);

    private Task BulkInsertAsync(CustomerId customer, params CustomerEvent[] events) =>
        marten.Store.BulkInsertEventsAsync([StreamAction.Start((IEventRegistry)marten.Store.Options.Events, customer.Value, events.Select(StoredEvents.Wrap).ToArray())]);

    private async Task<long?> ScalarAsync(string sql, NpgsqlTransaction? transaction = null)
    {
        var text = sql.Replace("{schema}", marten.Schema, StringComparison.Ordinal);
        if (transaction is not null)
        {
            await using var inTransaction = new NpgsqlCommand(text, transaction.Connection, transaction);
            return await inTransaction.ExecuteScalarAsync() as long?;
        }

        await using var command = marten.Database.DataSource.CreateCommand(text);
        return await command.ExecuteScalarAsync() as long?;
    }

    [Fact]
    public async Task bulk_insert_moves_the_high_water_mark_past_a_sequence_number_that_an_open_append_still_holds()
    {
        var (held, bulk) = (new CustomerId("bulk-hwm-held"), new CustomerId("bulk-hwm-bulk"));
        await using var connection = await marten.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = marten.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append(held.Value, StoredEvents.Wrap(Visit(held, 1)));
            await session.SaveChangesAsync();
        }

        var heldSequence = await ScalarAsync("select max(seq_id) from {schema}.mt_events", transaction);

        await BulkInsertAsync(bulk, Visit(bulk, 1));

        // The daemon takes a stored high-water mark as proof that everything below it is committed and never looks
        // below it again: the held event, once committed, would be skipped by every async projection.
        var mark = await ScalarAsync("select last_seq_id from {schema}.mt_event_progression where name = 'HighWaterMark'");
        mark.ShouldNotBeNull().ShouldBeGreaterThan(heldSequence.ShouldNotBeNull());
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task bulk_insert_of_events_refuses_an_ambient_transaction_so_no_document_can_commit_with_them()
    {
        var customer = new CustomerId("bulk-ambient");

        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            await BulkInsertAsync(customer, Visit(customer, 1));
            await marten.Store.BulkInsertEnlistTransactionAsync([CustomerLifetime.From(customer, [Visit(customer, 1)])], Transaction.Current!);
            scope.Complete();
        });

        await using var session = marten.Store.QuerySession();
        (await session.Events.FetchStreamAsync(customer.Value)).ShouldBeEmpty();
    }

    [Fact]
    public async Task bulk_insert_of_events_runs_no_inline_projection()
    {
        var customer = new CustomerId("bulk-no-inline");

        await BulkInsertAsync(customer, Visit(customer, 1));

        await using var session = marten.Store.QuerySession();
        (await session.Events.FetchStreamAsync(customer.Value)).Count.ShouldBe(1);
        (await session.LoadAsync<CustomerLifetime>(customer.Value)).ShouldBeNull();
    }
}
