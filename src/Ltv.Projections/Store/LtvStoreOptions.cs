using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Ltv.Domain.Lifetime;
using Ltv.Domain.Events;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.Hosts;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Marten;
using Npgsql;
using Weasel.Core;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Projections.Store;

/// <summary>
/// The one place Marten is configured (STYLE.md): streams keyed by customer id, the domain's events under their
/// explicit, versioned type names, event ids that PostgreSQL keeps unique, and the schema. Marten (Weasel) creates
/// and migrates every table it names.
/// </summary>
public static class LtvStoreOptions
{
    /// <summary>Events per batch of the async daemon, for every async projection.</summary>
    public const int AsyncBatchSize = 5_000;

    /// <summary>Every read model by the name the command line and Marten's progress table use, inline first.</summary>
    public static IReadOnlyList<(string Name, bool Inline)> ReadModels { get; } =
    [
        (CustomerLifetimeProjection.ProjectionName, true),
        (RankingRegistration.ReadModelName, false),
        (Store.DailyStats.DailyStatsProjection.ProjectionName, false),
    ];

    public static StoreOptions ConfigureLtvStore(this StoreOptions options, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Connection(connectionString);
        return options.ConfigureLtvStore(schema, AsyncBatchSize);
    }

    /// <param name="options">Marten's options to fill.</param>
    /// <param name="dataSource">The connection pool Marten shares with the product's own queries.</param>
    /// <param name="schema">The PostgreSQL schema of the store.</param>
    /// <param name="asyncBatchSize">Events per batch of the async daemon (<see cref="AsyncBatchSize"/> unless tuned).</param>
    public static StoreOptions ConfigureLtvStore(this StoreOptions options, NpgsqlDataSource dataSource, string schema, int asyncBatchSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Connection(dataSource);
        return options.ConfigureLtvStore(schema, asyncBatchSize);
    }

    /// <summary>Everything but the connection.</summary>
    private static StoreOptions ConfigureLtvStore(this StoreOptions options, string schema, int asyncBatchSize)
    {
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EventJson.Options, EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;

        // The identity's id (EventIds) is unique: a second copy of an event is refused by the database itself.
        options.Events.EnableUniqueIndexOnEventId = true;

        // Appends name the stream version they expect (EventLogAppender): the loser of two writers of one stream waits
        // on the stream's row and is refused before it takes sequence numbers, rather than leaving a gap behind.
        options.Events.UseExclusiveLockOnConcurrentAppends = true;

        options.Events.MapEventType<CustomerRegistered>(StoredEventTypes.CustomerRegistered);
        options.Events.MapEventType<CustomerDetailsChanged>(StoredEventTypes.CustomerDetailsChanged);
        options.Events.MapEventType<SiteVisited>(StoredEventTypes.SiteVisited);
        options.Events.MapEventType<ImageUploaded>(StoredEventTypes.ImageUploaded);
        options.Events.MapEventType<OrderPlaced>(StoredEventTypes.OrderPlaced);
        options.Events.MapEventType<OrderAmended>(StoredEventTypes.OrderAmended);

        options.Schema.For<CustomerLifetime>().Identity(c => c.Id).DocumentAlias("customer_lifetime");
        options.Projections.Add<CustomerLifetimeProjection>(ProjectionLifecycle.Inline);

        // The async read models run behind the append, on Marten's async daemon, each in two copies (blue/green) so that
        // a rebuild replays one while queries read the other (docs/MARTEN.md, "Rebuilds"). Batches of 5,000 events
        // rather than the default 500: catch-up went from 4,455 to 8,040 events/s on 170k events (docs/MARTEN.md).
        options.AddLtvRanking(asyncBatchSize);

        // DailyStats keeps tables of its own, created by Marten (Weasel) and emptied by it before a rebuild.
        options.AddDailyStats(schema, asyncBatchSize);

        // The serving hosts' heartbeats (ltv status); their age is the database's clock, Marten's last-modified time.
        options.Schema.For<HostHeartbeat>().DocumentAlias(HostHeartbeat.Alias);

        // Which copy of each read model queries read.
        options.Storage.ExtendedSchemaObjects.Add(LiveCopyPointer.Table(schema));

        // Which build last migrated the schema (ReadModelCatalog.EnsureAsync).
        options.Storage.ExtendedSchemaObjects.Add(SchemaStamp.Table(schema));
        return options;
    }
}
