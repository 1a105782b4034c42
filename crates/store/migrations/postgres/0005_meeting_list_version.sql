-- A counter every change to the meeting list moves, so each node's search
-- index can tell it is behind and read only what changed. Writers take the
-- next number inside their transaction; on PostgreSQL the row lock makes the
-- numbers follow commit order, which identity ids do not.
CREATE TABLE meeting_list_version (version BIGINT NOT NULL);
INSERT INTO meeting_list_version (version) VALUES (0);

ALTER TABLE meeting_changes ADD COLUMN list_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX meeting_changes_by_list_version ON meeting_changes (list_version);
