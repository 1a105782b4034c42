-- Safety: reports and the moderation queue they make, what moderators did
-- about them, site-wide suspensions, blocks and mutes between people, and
-- the writes counted for rate limits. Instants are Unix seconds, UTC.

-- A report is about a post, or about a person met in a group; it stays in
-- its group's moderation queue until a moderator closes it. The crisis
-- detector and "tell my facilitators I need support" raise reports too.
CREATE TABLE reports (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id        BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    -- NULL when the crisis detector raised it.
    reporter_id     BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    post_id         BIGINT  REFERENCES posts (id) ON DELETE CASCADE,
    -- The person reported: the post's author, when it is about a post.
    account_id      BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- crisis, harassment, hate, spam, norms or other
    reason          TEXT    NOT NULL,
    note            TEXT    NOT NULL,
    -- member (someone reported), detector (crisis language) or
    -- support (the writer asked their facilitators for support)
    source          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    -- Set together when a moderator closes it. outcome: dismissed, hidden,
    -- removed, warned, muted, removed_from_group or suspended.
    outcome         TEXT,
    outcome_reason  TEXT,
    closed_by       BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    closed_at       BIGINT
);
CREATE INDEX reports_by_group ON reports (group_id, closed_at);
CREATE INDEX reports_open ON reports (closed_at, id);
CREATE INDEX reports_by_reporter ON reports (reporter_id, id);

-- Hidden posts are taken out of members' view (removed_at is set) and can
-- be put back; removed ones cannot.
ALTER TABLE posts ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;

-- Notifications about a report: its outcome, to the reporter; a warning,
-- to the person warned; a crisis, to the group's facilitators.
ALTER TABLE notifications ADD COLUMN report_id BIGINT REFERENCES reports (id) ON DELETE CASCADE;

-- A suspended account cannot sign in; suspended_until NULL with
-- suspended_at set means until an admin lifts it.
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT;
ALTER TABLE accounts ADD COLUMN suspended_until BIGINT;

-- What a person chose about another: block (no contact, their posts
-- collapsed) or mute (their posts hidden, without them knowing).
CREATE TABLE person_filters (
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    other_id   BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (account_id, other_id)
);

-- Writes that rate limits count: post, reply, report, invite. Kept in the
-- database so the limits hold across nodes; pruned once out of every window.
CREATE TABLE rate_events (
    action     TEXT    NOT NULL,
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    address    TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX rate_events_by_account ON rate_events (account_id, action, created_at);
CREATE INDEX rate_events_by_address ON rate_events (address, action, created_at);
CREATE INDEX rate_events_by_time ON rate_events (created_at);
