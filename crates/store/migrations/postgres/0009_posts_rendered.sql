-- Each post's HTML and plain excerpt, made once when it is written instead of
-- on every page that shows it (rendering Markdown safely was the biggest
-- single cost of a thread page). NULL means "not made yet": `Store::migrate`
-- makes them for such posts, so a change to the renderer ships as a
-- migration that sets them back to NULL.
ALTER TABLE posts ADD COLUMN body_html TEXT;
ALTER TABLE posts ADD COLUMN excerpt TEXT;
