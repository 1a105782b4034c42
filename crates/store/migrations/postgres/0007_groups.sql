-- Support groups: their norms, members, invitations, shares and replies,
-- supportive responses, what each member has read, notifications, and the
-- audit log of moderators' actions. Instants are Unix seconds, UTC.

CREATE TABLE groups (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    -- open, request or hidden
    kind             TEXT    NOT NULL,
    -- Tag codes, each between commas (",alcohol,grief,"), so one LIKE finds a tag.
    tags             TEXT    NOT NULL,
    language         TEXT    NOT NULL,
    norms_version    BIGINT  NOT NULL,
    -- Name and description, lower case, for the directory's text search.
    search_text      TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    last_activity_at BIGINT  NOT NULL
);
CREATE INDEX groups_by_activity ON groups (last_activity_at, id);

-- Every version of every group's norms: a member's agreement names one.
CREATE TABLE group_norms (
    group_id   BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    version    BIGINT  NOT NULL,
    body       TEXT    NOT NULL,
    written_by BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    written_at BIGINT  NOT NULL,
    PRIMARY KEY (group_id, version)
);

CREATE TABLE memberships (
    group_id      BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- owner, facilitator or member
    role          TEXT    NOT NULL,
    -- active, left or removed
    status        TEXT    NOT NULL,
    norms_version BIGINT  NOT NULL,
    joined_at     BIGINT  NOT NULL,
    muted_until   BIGINT,
    PRIMARY KEY (group_id, account_id)
);
CREATE INDEX memberships_by_account ON memberships (account_id, status);

-- Each time a person agreed to a group's norms, and to which version.
CREATE TABLE norm_agreements (
    group_id      BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    norms_version BIGINT  NOT NULL,
    agreed_at     BIGINT  NOT NULL,
    PRIMARY KEY (group_id, account_id, norms_version)
);

CREATE TABLE join_requests (
    group_id      BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    norms_version BIGINT  NOT NULL,
    requested_at  BIGINT  NOT NULL,
    PRIMARY KEY (group_id, account_id)
);

CREATE TABLE group_invites (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id   BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    created_by BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    max_uses   BIGINT,
    uses       BIGINT  NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX group_invites_by_group ON group_invites (group_id);

-- Shares start threads (thread_id NULL); replies name their thread.
CREATE TABLE posts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id         BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    thread_id        BIGINT  REFERENCES posts (id) ON DELETE CASCADE,
    author_id        BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    anonymous        BOOLEAN NOT NULL,
    -- share, question or celebration; NULL for a reply
    kind             TEXT,
    title            TEXT,
    body             TEXT    NOT NULL,
    quoted_post_id   BIGINT  REFERENCES posts (id) ON DELETE SET NULL,
    -- A form's one-time key, so a form sent twice posts once.
    request_key      TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    removed_at       BIGINT,
    removed_by       BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    -- For threads: pinned first, then the newest activity.
    pinned           BOOLEAN NOT NULL,
    locked           BOOLEAN NOT NULL,
    last_activity_at BIGINT  NOT NULL,
    reply_count      BIGINT  NOT NULL,
    -- For replies to a question: the asker found it helpful.
    helpful          BOOLEAN NOT NULL,
    UNIQUE (author_id, request_key)
);
CREATE INDEX posts_threads_by_activity ON posts (group_id, thread_id, pinned, last_activity_at, id);
CREATE INDEX posts_by_thread ON posts (thread_id, id);

-- Supportive responses, from a fixed set: at most one of each kind per person.
CREATE TABLE post_supports (
    post_id    BIGINT  NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (post_id, account_id, kind)
);

-- The activity of a thread a member had seen when they last read it.
CREATE TABLE thread_reads (
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    thread_id  BIGINT  NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    seen_activity_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, thread_id)
);

-- What a person is told: who did what is looked up when shown, and only
-- while the person is still a member, so nothing crosses the wall.
CREATE TABLE notifications (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- reply, mention, approved, norms_changed
    kind       TEXT    NOT NULL,
    group_id   BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    post_id    BIGINT  REFERENCES posts (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    read_at    BIGINT
);
CREATE INDEX notifications_by_account ON notifications (account_id, id);

-- Append-only: no route or store function updates or deletes a row.
CREATE TABLE audit_log (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id          BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    action            TEXT    NOT NULL,
    group_id          BIGINT  REFERENCES groups (id) ON DELETE SET NULL,
    target_account_id BIGINT  REFERENCES accounts (id) ON DELETE SET NULL,
    target_post_id    BIGINT  REFERENCES posts (id) ON DELETE SET NULL,
    reason            TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL
);
CREATE INDEX audit_log_by_group ON audit_log (group_id, id);
