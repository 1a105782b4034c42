-- Which kinds of supportive response a post has had from anyone, as bits
-- (bit i is SupportKind::ALL[i]: see `support_bit!` in
-- crates/store/src/groups/posts.rs). `Store::toggle_support` keeps it, so a
-- thread page reads it with each post instead of gathering every post's
-- responses on every view.
ALTER TABLE posts ADD COLUMN supports_given BIGINT NOT NULL DEFAULT 0;

UPDATE posts SET supports_given = (
    SELECT COALESCE(SUM(DISTINCT CASE s.kind WHEN 'thank_you' THEN 1 WHEN 'me_too' THEN 2
                                             WHEN 'sending_strength' THEN 4
                                             WHEN 'proud_of_you' THEN 8 END), 0)
      FROM post_supports s WHERE s.post_id = posts.id)
 WHERE id IN (SELECT post_id FROM post_supports);
