-- Accountability partners (issue #7). A member invites a partner; until
-- the partner accepts, accepted_at is NULL and they see nothing. The member
-- chooses exactly what each partner sees. Ending it deletes the row.
CREATE TABLE recovery_partners (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    accepted_at  BIGINT,
    sees_counters BOOLEAN NOT NULL,
    sees_scores  BOOLEAN NOT NULL,
    sees_notes   BOOLEAN NOT NULL,
    sees_missed  BOOLEAN NOT NULL,
    -- The member's last check-in day a nudge was sent for: one quiet spell
    -- nudges once.
    nudged_for   TEXT,
    created_at   BIGINT  NOT NULL,
    UNIQUE (member_id, partner_id)
);
CREATE INDEX recovery_partners_by_partner ON recovery_partners (partner_id);

-- Gentle notes to a partner that a member they support has gone quiet.
CREATE TABLE recovery_nudges (
    id           INTEGER PRIMARY KEY,
    partner_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    missed_days  INTEGER NOT NULL,
    created_at   BIGINT  NOT NULL,
    read_at      BIGINT
);
CREATE INDEX recovery_nudges_by_partner ON recovery_nudges (partner_id, id);

-- After how many days without a check-in a member's partners are nudged.
ALTER TABLE accounts ADD COLUMN nudge_after_days INTEGER NOT NULL DEFAULT 2;
