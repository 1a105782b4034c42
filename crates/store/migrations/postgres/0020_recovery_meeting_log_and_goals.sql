-- Meetings a member went to (issue #7): one row per meeting, on the
-- member's local day ('YYYY-MM-DD' text, as in 0016). A meeting from the
-- finder is linked while it is listed; its name is kept beside the link, so
-- the log still says which meeting it was after the meeting leaves the
-- list. A meeting named in the member's words has the name alone; one left
-- unnamed has neither.
CREATE TABLE recovery_meeting_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day           TEXT    NOT NULL,
    meeting_id    BIGINT  REFERENCES meetings (id) ON DELETE SET NULL,
    meeting_name  TEXT,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX recovery_meeting_log_by_day ON recovery_meeting_log (account_id, day);
CREATE INDEX recovery_meeting_log_by_meeting ON recovery_meeting_log (meeting_id);

-- "So many meetings in so many days", from a start day the member chose.
CREATE TABLE recovery_meeting_goals (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    meetings      INTEGER NOT NULL,
    days          INTEGER NOT NULL,
    start_date    TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX recovery_meeting_goals_by_account ON recovery_meeting_goals (account_id, id);

-- A member's own goals, and the steps toward each, in the order added.
CREATE TABLE recovery_goals (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title         TEXT    NOT NULL,
    -- active, complete or archived
    state         TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX recovery_goals_by_account ON recovery_goals (account_id, id);

CREATE TABLE recovery_goal_steps (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goal_id       BIGINT  NOT NULL REFERENCES recovery_goals (id) ON DELETE CASCADE,
    text          TEXT    NOT NULL,
    done          BOOLEAN NOT NULL,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX recovery_goal_steps_by_goal ON recovery_goal_steps (goal_id, id);
