using Ltv.EventStore.Schema;

namespace Ltv.EventStore.Appending;

/// <summary>The statements of one batch append, in the order they run inside its transaction.</summary>
internal sealed class AppendSql(SchemaName schema)
{
    public const string Staging = "pg_temp.ltv_append_staging";

    // JIT off: the planner has no statistics for the staging table, and compiling a batch's statements would cost
    // more (~30 ms each) than running them.
    public string CreateStaging { get; } = $"""
        set local jit = off;
        create temp table if not exists ltv_append_staging
        (
            ord            integer not null,
            stream_id      text collate "C" not null,
            dedupe_key     text collate "C" not null,
            event_type     text not null,
            data           jsonb not null,
            metadata       jsonb,
            seq            bigint,
            stream_version integer
        ) on commit drop
        """;

    public string CopyIntoStaging { get; } =
        $"copy {Staging} (ord, stream_id, dedupe_key, event_type, data, metadata) from stdin (format binary)";

    /// <summary>
    /// Creates missing stream rows, then locks every stream of the batch in a fixed order (so two appenders
    /// never deadlock). Once we hold the locks, every earlier append to these streams has committed, so the
    /// next statement's snapshot sees its events and de-duplicates against them.
    /// </summary>
    public string LockStreams { get; } = $"""
        insert into {schema}.streams (stream_id, version)
        select distinct stream_id, 0 from {Staging} order by 1
        on conflict (stream_id) do nothing;

        select stream_id from {schema}.streams
        where stream_id in (select stream_id from {Staging})
        order by stream_id
        for update
        """;

    /// <summary>
    /// Appends the events whose identity is new (the first copy when a batch repeats one), numbers them per
    /// stream in input order, bumps the stream versions, and marks the staged rows that were appended.
    /// </summary>
    public string Append { get; } = $"""
        with candidates as (
            select distinct on (s.stream_id, s.dedupe_key) s.ord, s.stream_id, s.dedupe_key, s.event_type, s.data, s.metadata
            from {Staging} s
            where not exists (
                select 1 from {schema}.events e where e.stream_id = s.stream_id and e.dedupe_key = s.dedupe_key)
            order by s.stream_id, s.dedupe_key, s.ord
        ), numbered as (
            select c.*, st.version + row_number() over (partition by c.stream_id order by c.ord) as stream_version
            from candidates c
            join {schema}.streams st on st.stream_id = c.stream_id
        ), inserted as (
            insert into {schema}.events (stream_id, stream_version, dedupe_key, event_type, data, metadata)
            select stream_id, stream_version, dedupe_key, event_type, data, metadata from numbered order by ord
            returning seq, stream_id, stream_version
        ), bumped as (
            update {schema}.streams st set version = m.version
            from (select stream_id, max(stream_version) as version from inserted group by stream_id) m
            where st.stream_id = m.stream_id
        )
        update {Staging} s set seq = i.seq, stream_version = i.stream_version
        from inserted i
        join numbered n on n.stream_id = i.stream_id and n.stream_version = i.stream_version
        where s.ord = n.ord
        """;

    /// <summary>The range of what was appended, and each duplicate with whether its payload matches the stored one.</summary>
    public string Outcomes { get; } = $"""
        select pg_current_xact_id(), min(seq), max(seq) from {Staging} where seq is not null;

        select s.ord, e.data = s.data
        from {Staging} s
        join {schema}.events e on e.stream_id = s.stream_id and e.dedupe_key = s.dedupe_key
        where s.seq is null
        """;
}
