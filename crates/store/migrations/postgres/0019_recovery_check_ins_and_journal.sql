-- Daily check-ins (issue #7): one per member per local day. What helped
-- and the note are sealed with the data key (see crates/store/src/sealing.rs);
-- the scores stay plain so charts can be drawn from them.
CREATE TABLE recovery_check_ins (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day         TEXT    NOT NULL,
    mood        INTEGER NOT NULL,
    craving     INTEGER NOT NULL,
    -- NULL when the member chose not to say.
    used        BOOLEAN,
    helped      TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    UNIQUE (account_id, day)
);

-- A member's private journal: each entry sealed whole.
CREATE TABLE recovery_journal (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The member's local day it was written on.
    day         TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX recovery_journal_by_account ON recovery_journal (account_id, id);
