-- A member's recovery counters (issue #7): each a label in their own
-- words, the program whose milestones it marks, and the day the current
-- streak began. Days are the member's local calendar days, stored as
-- 'YYYY-MM-DD' text: they sort and compare as dates on both engines, and
-- no time zone can move them.
CREATE TABLE recovery_counters (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    label       TEXT    NOT NULL,
    -- twelve_step, na_keytags, every_30_days or none
    program     TEXT    NOT NULL,
    start_date  TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX recovery_counters_by_account ON recovery_counters (account_id, id);

-- Streaks that ended when the member started again: kept for the member
-- alone, with what they learned if they chose to write it.
CREATE TABLE recovery_streaks (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    counter_id  BIGINT  NOT NULL REFERENCES recovery_counters (id) ON DELETE CASCADE,
    start_date  TEXT    NOT NULL,
    end_date    TEXT    NOT NULL,
    learned     TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX recovery_streaks_by_counter ON recovery_streaks (counter_id, id);
