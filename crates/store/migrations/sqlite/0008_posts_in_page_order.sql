-- A group's threads and a thread's replies, each in the order its page
-- shows them, so a page reads its rows in that order and stops when it is
-- full, instead of reading and sorting every thread of the group or every
-- reply of the thread. (PostgreSQL cannot order by posts_threads_by_activity
-- after `thread_id IS NULL`, which is no equality, so it sorted every thread
-- of the group; no index served the replies' order on either engine.)
CREATE INDEX posts_threads_in_order ON posts (group_id, pinned, last_activity_at, id)
    WHERE thread_id IS NULL;
CREATE INDEX posts_replies_in_order
    ON posts (thread_id, (CASE WHEN helpful THEN 0 ELSE 1 END), id)
    WHERE thread_id IS NOT NULL;
