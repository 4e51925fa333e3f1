-- The login behind each change (the one after schema_2.sql and the page
-- indexes). --as names a member and is taken on trust; login is the
-- account of the process that made the change, from its user id (never
-- $USER, which anyone can set), so that the history of a public body's
-- record says who really typed each change. NULL for changes made before
-- this step, when nobody recorded it.
ALTER TABLE changes ADD COLUMN login TEXT;
