-- The posts whose HTML and excerpt are still to be made, so the check at
-- every start (`Store::migrate`) reads an empty index instead of every post.
CREATE INDEX posts_unrendered ON posts (id) WHERE body_html IS NULL OR excerpt IS NULL;
