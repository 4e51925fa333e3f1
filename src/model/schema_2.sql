-- Schema version 2: meetings as the council minutes them (issue 7).
-- Applied by migrate.c's step_2 to a version-1 database; every existing row
-- is kept. The history triggers of the tables changed here are recreated by
-- step_2 from their new column lists.

-- Attendance: the chair, and who was present or sent apologies (value
-- lists, replaced whole by an import, as a theme's sub-group is).
ALTER TABLE meetings ADD COLUMN chair TEXT REFERENCES members (id);

CREATE TABLE meeting_present (
    meeting  TEXT NOT NULL REFERENCES meetings (id),
    member   TEXT NOT NULL REFERENCES members (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting, member)
) STRICT;

CREATE TABLE meeting_apologies (
    meeting  TEXT NOT NULL REFERENCES meetings (id),
    member   TEXT NOT NULL REFERENCES members (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting, member)
) STRICT;

-- A declaration of interest: `item` is the agenda item's ref, NULL for one
-- made on the meeting as a whole.
CREATE TABLE declarations (
    id       INTEGER PRIMARY KEY,
    meeting  TEXT NOT NULL REFERENCES meetings (id),
    by       TEXT NOT NULL REFERENCES members (id),
    item     TEXT,
    text     TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting, by, item)
) STRICT;

-- The agenda, in order (rowid). An item's key is its ref within its meeting.
CREATE TABLE items (
    id           INTEGER PRIMARY KEY,
    meeting      TEXT NOT NULL REFERENCES meetings (id),
    ref          TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT,
    contact      TEXT,
    minutes      TEXT,
    report_backs INTEGER NOT NULL DEFAULT 0 CHECK (report_backs IN (0, 1)),
    exempt       INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    revision     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting, ref)
) STRICT;

CREATE TABLE item_documents (
    item     INTEGER NOT NULL REFERENCES items (id),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (item, position)
) STRICT;

-- An item's resolutions and questions: numbered within the item, as the
-- council numbers them, so apart from the meeting's own.
CREATE TABLE item_decisions (
    id       INTEGER PRIMARY KEY,
    item     INTEGER NOT NULL REFERENCES items (id),
    ref      TEXT NOT NULL,
    text     TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (item, ref)
) STRICT;

CREATE TABLE item_questions (
    id       INTEGER PRIMARY KEY,
    item     INTEGER NOT NULL REFERENCES items (id),
    by       TEXT REFERENCES members (id),
    asked    TEXT NOT NULL,
    answer   TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (item, asked)
) STRICT;

-- The agenda item of its meeting that agreed an action: the item's ref
-- (the importer checks that the item exists in that meeting).
ALTER TABLE actions ADD COLUMN item TEXT CHECK (item IS NULL OR meeting IS NOT NULL);

-- The day a change counts for, when it is not the day it was made
-- (`--on DATE`): what an officer types up after a meeting is the
-- meeting's. `at` still says when it was typed.
ALTER TABLE changes ADD COLUMN on_day TEXT CHECK (on_day IS NULL OR date(on_day) IS on_day);

-- How the minutes and the reports name a member: by the post they hold on
-- the panel, else by name ("Chair", "Cllr Thirkill"). Written once here.
CREATE VIEW member_named (id, named, name, kind) AS
    SELECT id, coalesce(post, name), name, kind FROM members;
