-- People, their site-wide roles, their sessions, and failed sign-ins.
-- Instants are Unix seconds, UTC, in both engines.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    handle        TEXT    NOT NULL,
    handle_key    TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    email         TEXT,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL,
    granted_at BIGINT  NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash   TEXT    NOT NULL UNIQUE,
    user_agent   TEXT,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE failed_logins (
    id           INTEGER PRIMARY KEY,
    handle_key   TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    attempted_at BIGINT  NOT NULL
);
CREATE INDEX failed_logins_by_handle ON failed_logins (handle_key, attempted_at);
CREATE INDEX failed_logins_by_address ON failed_logins (address, attempted_at);
CREATE INDEX failed_logins_by_time ON failed_logins (attempted_at);
