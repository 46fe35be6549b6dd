-- Weeks run Sunday to Saturday, UTC. Week 0 is the week of Sunday 1970-01-04 minus 7 days .. Saturday
-- 1970-01-03; the index is floor((days since 1970-01-01 + 4) / 7), the same formula as
-- Ltv.Domain.Lifetime.WeekCalendar.WeekIndex (tests hold the two to each other).
-- The epoch of a timestamptz does not depend on the session time zone, so the function is immutable.
create or replace function {schema}.ltv_week_index(t timestamptz) returns integer
    language sql immutable parallel safe
    return floor((extract(epoch from t) / 86400 + 4) / 7)::integer;
