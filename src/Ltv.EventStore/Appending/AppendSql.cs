using Ltv.EventStore.Schema;

namespace Ltv.EventStore.Appending;

/// <summary>The statements of one batch append, in the order they run inside its transaction.</summary>
/// <remarks>
/// Plans must not depend on statistics: the log grows by thousands of rows a second, autovacuum's statistics
/// trail it, and one bad guess (a full scan of the log per batch) makes ingest quadratic. So every lookup of
/// stored rows is a lateral join on a key (an index probe), rows are combined by grouping or window functions
/// rather than joins, sequential scans are off for the transaction, and so is JIT, whose compilation (~30 ms a
/// statement) costs more than a batch's statements take to run.
/// </remarks>
internal sealed class AppendSql(SchemaName schema)
{
    public const string Staging = "pg_temp.ltv_append_staging";

    /// <summary>The name of the unique constraint that makes a repeated identity a duplicate.</summary>
    public const string IdentityConstraint = "events_identity";

    public string CreateStaging { get; } = """
        set local jit = off;
        set local enable_seqscan = off;
        create temp table if not exists ltv_append_staging
        (
            ord            integer not null,
            stream_id      text collate "C" not null,
            dedupe_key     text collate "C" not null,
            event_type     text not null,
            data           jsonb not null,
            metadata       jsonb
        ) on commit drop
        """;

    public string CopyIntoStaging { get; } =
        $"copy {Staging} (ord, stream_id, dedupe_key, event_type, data, metadata) from stdin (format binary)";

    /// <summary>
    /// Creates missing stream rows and locks every stream of the batch, in a fixed order (so two appenders never
    /// deadlock). Once we hold the locks, every earlier append to these streams has committed, so the next
    /// statement's snapshot sees its events and de-duplicates against them. Only needed after an optimistic
    /// <see cref="Append"/> met a concurrent appender of the same identity.
    /// </summary>
    public string LockStreams { get; } = $"""
        insert into {schema}.streams as st (stream_id, version)
        select distinct stream_id, 0 from {Staging} order by 1
        on conflict (stream_id) do update set version = st.version
        """;

    /// <summary>
    /// In one statement: looks each event's identity up, moves the version of every stream with new events on
    /// (which locks the stream rows, in a fixed order), appends the first copy of each new identity numbered per
    /// stream in input order, and returns the appended range and the duplicates (the positions in the batch whose
    /// payload matches the stored or first copy, then those whose payload differs).
    /// </summary>
    /// <remarks>
    /// Optimistic: the identities are looked up before the stream locks are taken. A concurrent appender that
    /// commits the same identity in between makes the insert fail on <see cref="IdentityConstraint"/>; the batch
    /// is then appended again after <see cref="LockStreams"/>. Versions are always right: the stream rows are
    /// updated under their lock, from their latest committed version.
    /// </remarks>
    public string Append { get; } = $"""
        with probe as materialized (
            -- Sorts below move narrow rows: the payload stays in the staging table, found again by its row id.
            select s.ctid as row_id, s.ord, s.stream_id, s.dedupe_key, e.same
            from {Staging} s
            left join lateral (
                select e.data = s.data as same
                from {schema}.events e
                where e.stream_id = s.stream_id and e.dedupe_key = s.dedupe_key
                -- A unique key: at most one row. The limit also keeps the planner from turning this lookup into a
                -- join over the whole index, which it does once the log is a few million rows.
                limit 1
            ) e on true
        ), fresh as materialized (
            -- Identities not stored yet; a batch may still repeat one, and its first copy is the one appended.
            select p.row_id, p.ord, p.stream_id, row_number() over w as copy, first_value(p.row_id) over w as first_row
            from probe p
            where p.same is null
            window w as (partition by p.stream_id, p.dedupe_key order by p.ord)
        ), versions as (
            insert into {schema}.streams as st (stream_id, version)
            select stream_id, count(*) from fresh where copy = 1 group by stream_id order by stream_id
            on conflict (stream_id) do update set version = st.version + excluded.version
            returning st.stream_id, st.version
        ), numbered as materialized (
            -- The stream's new version, minus its new events, plus the event's place among them in input order.
            select row_id, ord, stream_id,
                   max(version) over s - count(ord) over s + row_number() over (partition by stream_id order by ord) as stream_version
            from (
                select row_id, ord, stream_id, null::integer as version from fresh where copy = 1
                union all
                select null, null, stream_id, version from versions
            ) u
            window s as (partition by stream_id)
        ), inserted as (
            insert into {schema}.events (stream_id, stream_version, dedupe_key, event_type, data, metadata)
            select n.stream_id, n.stream_version, s.dedupe_key, s.event_type, s.data, s.metadata
            from numbered n
            join {Staging} s on s.ctid = n.row_id
            order by n.ord
            returning seq
        ), duplicates as (
            select ord, same from probe where same is not null
            union all
            select f.ord, (select x.data from {Staging} x where x.ctid = f.first_row) = (select x.data from {Staging} x where x.ctid = f.row_id)
            from fresh f
            where f.copy > 1
        )
        select pg_current_xact_id(), r.low, r.high,
               coalesce((select array_agg(ord) from duplicates where same), array[]::integer[]),
               coalesce((select array_agg(ord) from duplicates where not same), array[]::integer[])
        from (select min(seq) as low, max(seq) as high from inserted) r
        """;
}
