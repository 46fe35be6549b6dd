using Ltv.EventStore;
using Ltv.EventStore.Projections;
using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.Projections.Lifetime;

/// <summary>
/// CustomerLifetime, the inline read model: per customer the current and previous profile, visits, images,
/// orders, revenue, and first and last event time and week, written in the same transaction as the append.
/// </summary>
public sealed class CustomerLifetimeProjection : IRebuildableProjection
{
    public const string ProjectionName = "customer_lifetime";

    private readonly SchemaName _schema;
    private readonly string _apply;

    public CustomerLifetimeProjection(SchemaName schema, string tableSuffix = "")
    {
        _schema = schema;
        Name = ProjectionName + tableSuffix;
        Tables = new CustomerFiguresTables(schema, Name);
        _apply = CustomerFiguresSql.Apply(Tables);
    }

    public CustomerFiguresTables Tables { get; }

    public string Name { get; }

    IReadOnlyList<string> IRebuildableProjection.Tables => [Tables.Customers, Tables.Orders];

    public IRebuildableProjection WithTableSuffix(string suffix) => new CustomerLifetimeProjection(_schema, suffix);

    // 2: the customer rows keep their profiles' recency (CustomerFiguresTables); rows written by 1 lack it.
    public int Version => 2;

    public Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, Tables.CreateSql, range: null, ct);

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, Tables.ResetSql, range: null, ct);

    public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRange range, CancellationToken ct) =>
        ProjectionSql.ExecuteAsync(connection, transaction, _apply, range, ct);
}
