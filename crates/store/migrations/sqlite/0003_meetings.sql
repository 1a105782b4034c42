-- Meetings from Meeting Guide feeds (and edited here). `record` is the whole
-- feed record as JSON, exported as it is; the other columns are derived from
-- it for searching. Lists are stored as "|a||b|" so "has a" is LIKE '%|a|%'.

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    source       TEXT    NOT NULL,
    slug         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    days         TEXT    NOT NULL,
    start_minute INTEGER,
    end_minute   INTEGER,
    timezone     TEXT,
    latitude     REAL,
    longitude    REAL,
    attendance   TEXT    NOT NULL,
    types        TEXT    NOT NULL,
    regions      TEXT    NOT NULL,
    search_text  TEXT    NOT NULL,
    record       TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (source, slug)
);
CREATE INDEX meetings_by_position ON meetings (latitude, longitude);
CREATE INDEX meetings_by_attendance ON meetings (attendance);
CREATE INDEX meetings_by_slug ON meetings (slug);

-- Every change to a meeting: who (NULL for an import), when, and what.
CREATE TABLE meeting_changes (
    id         INTEGER PRIMARY KEY,
    source     TEXT    NOT NULL,
    slug       TEXT    NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    changed_at BIGINT  NOT NULL,
    change     TEXT    NOT NULL
);
CREATE INDEX meeting_changes_by_meeting ON meeting_changes (source, slug, changed_at);
