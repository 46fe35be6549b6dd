-- The event log. One row per accepted event; never updated, never deleted.
-- seq is the global sequence; tx_id is the id of the transaction that wrote the row. Subscribers read in
-- (tx_id, seq) order below the oldest running transaction, which is gap-free by construction
-- (see GlobalLogReader).
create table if not exists {schema}.events
(
    seq            bigint generated always as identity primary key,
    tx_id          xid8        not null default pg_current_xact_id(),
    stream_id      text collate "C" not null,
    stream_version integer     not null,
    dedupe_key     text collate "C" not null,
    event_type     text        not null,
    data           jsonb       not null,
    metadata       jsonb,
    recorded_at    timestamptz not null default now(),
    -- An event's identity within its stream: appending it again is a duplicate, refused by the database itself.
    constraint events_identity unique (stream_id, dedupe_key),
    constraint events_stream_version unique (stream_id, stream_version)
);

create index if not exists events_log_order on {schema}.events (tx_id, seq);

-- One row per stream: its current version. Appenders lock the row, which serialises writers of one stream.
create table if not exists {schema}.streams
(
    stream_id  text collate "C" primary key,
    version    integer     not null,
    created_at timestamptz not null default now()
);

-- Where each projection is in the log, written in the same transaction as the projection's own writes.
create table if not exists {schema}.projection_progress
(
    name         text primary key,
    version      integer     not null,
    position_tx  xid8        not null default '0',
    position_seq bigint      not null default 0,
    state        text        not null default 'running',
    error        text,
    updated_at   timestamptz not null default now()
);
