-- Searches run on each node's in-memory index now (see
-- hearth_domain::meetings::index); nothing reads meetings by position in
-- SQL, and keeping the index up to date only slowed imports.
DROP INDEX meetings_by_position;
