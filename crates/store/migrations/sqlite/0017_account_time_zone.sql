-- The time zone a person lives in (an IANA name), for what "today" means
-- to their recovery counters and check-ins. NULL until they choose one.
ALTER TABLE accounts ADD COLUMN time_zone TEXT;
