using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Ltv.Host.Ingestion;

/// <summary>
/// The tables of the ingestion module as Weasel objects, so that Marten creates and migrates them with the rest of
/// the store: every ingest run with its counters, its rejections per reason, and every rejected record with its bytes.
/// </summary>
public static class IngestionStorage
{
    public const string Runs = "ingest_runs";
    public const string RunReasons = "ingest_run_reasons";
    public const string Rejected = "rejected_events";

    public static void AddIngestionTables(this StoreOptions options, string schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.ExtendedSchemaObjects.AddRange(Tables(schema));
    }

    public static IReadOnlyList<Table> Tables(string schema)
    {
        var runs = IngestRuns(schema);
        return [runs, Reasons(schema, runs), RejectedEvents(schema, runs)];
    }

    // Counters move in the same transaction as each batch's events, so after a crash they still describe exactly what
    // was committed.
    private static Table IngestRuns(string schema)
    {
        var table = new Table(Name(schema, Runs));
        table.AddColumn<long>("id").AsPrimaryKey().BigAutoIncrement();
        table.AddColumn<DateTimeOffset>("started_at").NotNull().DefaultValueByExpression("now()");
        table.AddColumn<DateTimeOffset>("finished_at");
        table.AddColumn<string>("status").NotNull().DefaultValueByString(IngestRunStatus.Running);
        table.AddColumn("sources", "text[]").NotNull();
        foreach (var counter in new[] { "read", "accepted", "duplicates", "conflicting", "rejected" })
        {
            table.AddColumn<long>(counter).NotNull().DefaultValue(0);
        }

        table.AddColumn<string>("message");
        return table;
    }

    // A run's rejections per reason, for its summary: it counts what it met even where the rejection was stored before.
    private static Table Reasons(string schema, Table runs)
    {
        var table = new Table(Name(schema, RunReasons));
        table.AddColumn<long>("run_id").AsPrimaryKey().ForeignKeyTo(runs, "id");
        table.AddColumn<string>("reason").AsPrimaryKey();
        table.AddColumn<long>("count").NotNull();
        return table;
    }

    // Input that was not accepted: nothing the user sent is lost, raw holds the exact bytes. Each rejection is stored
    // once (DESIGN.md, "Bad input"): fingerprint = sha256(reason as UTF-8, a zero byte, raw), as RejectionFingerprint
    // computes it, and its unique index is the arbiter, so overlapping ingests cannot both store one.
    private static Table RejectedEvents(string schema, Table runs)
    {
        var table = new Table(Name(schema, Rejected));
        table.AddColumn<long>("id").AsPrimaryKey().BigAutoIncrement();
        table.AddColumn<long>("run_id").NotNull().ForeignKeyTo(runs, "id");
        table.AddColumn<string>("source").NotNull();
        table.AddColumn<long>("record_index").NotNull();
        table.AddColumn<long>("byte_offset").NotNull();
        table.AddColumn<string>("reason").NotNull();
        table.AddColumn<string>("detail");
        table.AddColumn("raw", "bytea").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull().DefaultValueByExpression("now()");
        table.AddColumn<long>("retried_by").ForeignKeyTo(runs, "id");
        table.AddColumn("fingerprint", "bytea").NotNull();
        table.Indexes.Add(new IndexDefinition($"{Rejected}_run") { Columns = ["run_id"] });
        table.Indexes.Add(new IndexDefinition($"{Rejected}_reason") { Columns = ["reason"] });
        table.Indexes.Add(new IndexDefinition($"{Rejected}_fingerprint") { Columns = ["fingerprint"], IsUnique = true });
        return table;
    }

    private static PostgresqlObjectName Name(string schema, string table) =>
        new(schema, table, SchemaUtils.IdentifierUsage.General);
}
