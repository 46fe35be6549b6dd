using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Status;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

public sealed class StatusTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task after_a_catch_up_every_projection_has_lag_zero()
    {
        await app.IngestLinesAsync(SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 20, Seed: 3)));

        var status = await app.Get<ReadModelCatalog>().StatusAsync(default);

        status.Events.ShouldBeGreaterThan(0);
        status.Projections.Select(p => p.Name).ShouldBe(app.Get<ReadModelCatalog>().Names);
        status.Projections.ShouldAllBe(p => p.Lag == 0 && p.Position == status.Head);
        status.Projections.ShouldAllBe(p => p.State == (p.Inline ? ProjectionStates.Inline : ProjectionStates.Running));
    }

    [Fact]
    public async Task a_long_open_transaction_shows_in_the_status()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", connection, transaction))
        {
            await command.ExecuteScalarAsync();
        }

        // The age is what is reported, so let some accrue.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var status = await app.Get<ReadModelCatalog>().StatusAsync(default);

        status.OldestOpenTransactionSeconds.ShouldNotBeNull();
        status.OldestOpenTransactionSeconds.Value.ShouldBeGreaterThanOrEqualTo(1.0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task events_not_yet_projected_show_as_lag()
    {
        await using var own = await LtvTestApp.StartAsync();
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 5, Seed: 9)).ToList();
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var summary = await own.Get<Host.Ingestion.IngestPipeline>().RunAsync([new("lag.ndjson", content, content.Length)], null, default);

        var status = await own.Get<ReadModelCatalog>().StatusAsync(default);

        status.Projections.Where(p => !p.Inline).ShouldAllBe(p => p.Lag == summary.Accepted);
        status.Projections.Where(p => p.Inline).ShouldAllBe(p => p.Lag == 0);
    }
}
