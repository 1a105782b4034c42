-- Each post carries its author's handle, so a group page's list of threads
-- and a thread page show who wrote what without looking up each author's
-- account: on PostgreSQL that look-up was a third of the list's time. A
-- handle never changes once chosen; anything that one day lets it change
-- must change it here too. The new index replaces 0012's with the handle
-- among its trailing keys, so the list is still read from the index alone.
ALTER TABLE posts ADD COLUMN author_handle TEXT NOT NULL DEFAULT '';
UPDATE posts SET author_handle = (SELECT handle FROM accounts WHERE accounts.id = posts.author_id);
DROP INDEX posts_thread_list;
CREATE INDEX posts_thread_list
    ON posts (group_id, pinned, last_activity_at, id, author_id, author_handle, anonymous,
              locked, reply_count, created_at, kind, title, excerpt)
    WHERE thread_id IS NULL AND removed_at IS NULL;
