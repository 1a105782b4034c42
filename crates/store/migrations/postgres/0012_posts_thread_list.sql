-- A group page's list of threads read from one index alone: the columns the
-- list shows are included after the order it is read in, so no thread's row
-- (with its text and HTML) is visited once the table is vacuumed. (SQLite
-- keeps the same columns as trailing keys.) Posts still have an index by
-- group, for the group's foreign key.
DROP INDEX posts_threads_in_order;
DROP INDEX posts_threads_by_activity;
CREATE INDEX posts_by_group ON posts (group_id);
CREATE INDEX posts_thread_list ON posts (group_id, pinned, last_activity_at, id)
    INCLUDE (author_id, anonymous, locked, reply_count, created_at, kind, title, excerpt)
    WHERE thread_id IS NULL AND removed_at IS NULL;
