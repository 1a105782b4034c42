-- Milestone celebrations (issue #7): the groups a member chose to offer
-- each counter's milestones to, and the day of the last milestone they
-- announced or passed over, so it is offered once.
ALTER TABLE recovery_counters ADD COLUMN announced_through TEXT;

CREATE TABLE recovery_counter_groups (
    counter_id BIGINT  NOT NULL REFERENCES recovery_counters (id) ON DELETE CASCADE,
    group_id   BIGINT  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (counter_id, group_id)
);
