using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Tests;

/// <summary>
/// A fresh store whose log holds one event marked poison among good ones, read by two projections: a healthy
/// one, and a fragile one that throws on the poison once a daemon runs it.
/// </summary>
public sealed record PoisonedStore(
    SchemaName Schema, PostgresEventStore Store, CountingProjection Healthy, CountingProjection Fragile, RecordedEvent Poison)
{
    public const string Stream = "p";

    /// <summary>Appends <paramref name="before"/> good events, the poison, then <paramref name="after"/> good events.</summary>
    public static async Task<PoisonedStore> CreateAsync(DaemonFixture fixture, int before, int after)
    {
        var (schema, store) = await fixture.NewStoreAsync();
        var healthy = new CountingProjection(schema, "healthy");
        var fragile = new CountingProjection(schema, "fragile");
        await ProjectionSetup.EnsureAsync(fixture.DataSource, schema, [], [], [healthy, fragile], default);
        var events = Enumerable.Range(1, before + 1 + after)
            .Select(i => new NewEvent(Stream, $"{i}", "test_event.v1", i == before + 1 ? """{"poison": true}""" : "{}"))
            .ToList();
        await store.AppendAsync(events, default);
        var poison = (await store.ReadStreamAsync(Stream, default))[before];
        return new PoisonedStore(schema, store, healthy, fragile, poison);
    }

    /// <summary>A daemon running both projections; the fragile one throws on the poison.</summary>
    public RunningDaemon StartDaemon(NpgsqlDataSource dataSource) =>
        new(dataSource, Schema, Healthy, new ScriptedProjection(Fragile, ScriptedProjection.ThrowOn(Schema, "poison")));
}
