using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Ltv.Projections.Lifetime;
using Npgsql;

namespace Ltv.Projections.Ranking;

/// <summary>
/// LtvRanking, the async ranked view. Simple LTV = 52 x (revenue / weeks) x t, and t is one number for
/// everyone, so the order of customers only depends on revenue / weeks:
/// <list type="bullet">
/// <item>dataset timeframe: weeks is the same for all customers, so the order is by revenue;</item>
/// <item>customer timeframe: the order is by the stored <c>weekly_value</c> = revenue / the customer's weeks.</item>
/// </list>
/// Both have an index, so top X is an index scan whatever the lifespan setting.
/// </summary>
public sealed class LtvRankingProjection : IRebuildableProjection
{
    public const string ProjectionName = "ltv_ranking";

    private readonly SchemaName _schema;
    private readonly string _apply;

    public LtvRankingProjection(SchemaName schema, string tableSuffix = "")
    {
        _schema = schema;
        Name = ProjectionName + tableSuffix;
        Tables = new CustomerFiguresTables(
            schema,
            Name,
            $"""
            -- 30 decimals keep the order exact: two different fractions revenue / weeks of this data differ far earlier.
            , weekly_value numeric generated always as
                (revenue::numeric(60, 30) / ({schema}.ltv_week_index(last_event_time) - {schema}.ltv_week_index(first_event_time) + 1)) stored
            """);
        Bounds = Name + "_bounds";
        BoundsTable = schema.Qualify(Bounds);
        _apply = CustomerFiguresSql.Apply(Tables) + $"""

            insert into {BoundsTable} as b (id, first_event_time, last_event_time)
            select 1, min((e.data->>'eventTime')::timestamptz), max((e.data->>'eventTime')::timestamptz)
            from {schema.Qualify("events")} e
            where {EventRange.Filter("e")}
            having count(*) > 0
            on conflict (id) do update set
                first_event_time = least(b.first_event_time, excluded.first_event_time),
                last_event_time = greatest(b.last_event_time, excluded.last_event_time);
            """;
    }

    public CustomerFiguresTables Tables { get; }

    /// <summary>One row: the earliest and latest event_time of all accepted events (the dataset timeframe).</summary>
    public string BoundsTable { get; }

    private string Bounds { get; }

    public string Name { get; }

    IReadOnlyList<string> IRebuildableProjection.Tables => [Tables.Customers, Tables.Orders, Bounds];

    public IRebuildableProjection WithTableSuffix(string suffix) => new LtvRankingProjection(_schema, suffix);

    // 2: the customer rows keep their profiles' recency (CustomerFiguresTables); rows written by 1 lack it.
    public int Version => 2;

    public Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, Tables.CreateSql + $"""

            create index if not exists {Name}_by_revenue on {Tables.CustomersTable} (revenue desc, customer_id);
            create index if not exists {Name}_by_weekly_value on {Tables.CustomersTable} (weekly_value desc, customer_id);
            create table if not exists {BoundsTable}
            (
                id               integer primary key check (id = 1),
                first_event_time timestamptz not null,
                last_event_time  timestamptz not null
            );
            """, range: null, ct);

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, $"{Tables.ResetSql}, {BoundsTable}", range: null, ct);

    public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, _apply, range, ct);
}
