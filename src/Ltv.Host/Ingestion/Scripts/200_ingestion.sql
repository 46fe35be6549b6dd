-- Every ingest run, with its counters. Counters move in the same transaction as each batch's events,
-- so after a crash they still describe exactly what was committed.
create table if not exists {schema}.ingest_runs
(
    id          bigint generated always as identity primary key,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    status      text        not null default 'running', -- running, completed, failed
    sources     text[]      not null,
    read        bigint      not null default 0,
    accepted    bigint      not null default 0,
    duplicates  bigint      not null default 0,
    conflicting bigint      not null default 0,
    rejected    bigint      not null default 0,
    message     text
);

-- Input that was not accepted: nothing the user sent is lost. raw holds the exact bytes.
create table if not exists {schema}.rejected_events
(
    id           bigint generated always as identity primary key,
    run_id       bigint      not null references {schema}.ingest_runs (id),
    source       text        not null,
    record_index bigint      not null,
    byte_offset  bigint      not null,
    reason       text        not null,
    detail       text,
    raw          bytea       not null,
    recorded_at  timestamptz not null default now(),
    retried_by   bigint references {schema}.ingest_runs (id)
);

create index if not exists rejected_events_run on {schema}.rejected_events (run_id);
create index if not exists rejected_events_reason on {schema}.rejected_events (reason);
