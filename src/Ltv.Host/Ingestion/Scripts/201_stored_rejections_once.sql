-- Each rejection is stored once (DESIGN.md, "Bad input"): re-ingesting a file must not store its rejections
-- again. fingerprint = sha256(reason as UTF-8, a zero byte, raw), as RejectionFingerprint computes it; the
-- unique index is the arbiter, so overlapping ingests cannot both store one either.
alter table {schema}.rejected_events add column fingerprint bytea;

-- Rows stored before: the oldest copy of each gets the fingerprint, later copies keep null (nulls never clash).
update {schema}.rejected_events e
set fingerprint = first.fingerprint
from (select distinct on (fingerprint) id, fingerprint
      from (select id, sha256(convert_to(reason, 'UTF8') || '\x00'::bytea || raw) as fingerprint
            from {schema}.rejected_events) f
      order by fingerprint, id) first
where e.id = first.id;

create unique index rejected_events_fingerprint on {schema}.rejected_events (fingerprint);

-- A run's rejections per reason, for its summary: it counts what it met even where the rejection was stored before.
create table {schema}.ingest_run_reasons
(
    run_id bigint not null references {schema}.ingest_runs (id),
    reason text   not null,
    count  bigint not null,
    primary key (run_id, reason)
);

insert into {schema}.ingest_run_reasons (run_id, reason, count)
select run_id, reason, count(*)
from {schema}.rejected_events
where reason <> 'conflicting duplicate'
group by run_id, reason;
