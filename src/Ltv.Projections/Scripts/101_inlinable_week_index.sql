-- The same week index as 100_read_model_functions.sql, written with immutable operations only
-- (timestamptz - timestamptz, then the epoch of an interval) so that PostgreSQL can inline the function.
-- extract(epoch from timestamptz) is only stable, so the first version ran as a separate SQL function
-- call for every generated first_week/last_week value: about 3 us each, and 10-15% of the server's time
-- during an ingest (docs/PERFORMANCE.md). Tests hold the SQL and C# week indexes to each other.
create or replace function {schema}.ltv_week_index(t timestamptz) returns integer
    language sql immutable parallel safe
    return floor((extract(epoch from t - timestamptz '1970-01-01 00:00:00+00') / 86400 + 4) / 7)::integer;
