-- panelboard's schema, version 1: the panel of yaml-format.md, one table per
-- kind of row, and the history of every change.
--
-- Conventions:
--  * STRICT tables; every enumerated field has a CHECK with its values, every
--    date a CHECK that it is a real YYYY-MM-DD date (date() normalises
--    2023-02-29 to 2023-03-01, so "date(x) IS x" rejects it). The values are
--    written "x = 'a' OR x = 'b' ...", not "x IN (...)": for an IN list of
--    more than two values SQLite builds a temporary index each time the
--    statement runs, which made adding a row a third slower.
--  * Rows people edit carry `revision`, bumped by every update, so a save can
--    tell that someone else changed the row first.
--  * Rows keep the order of the panel file by rowid (insertion order; undo
--    puts a deleted row back under its old rowid). Themes have `position`
--    as well, because the chair walks them in order and may reorder them.
--  * History: each change is one row of `changes`; the triggers at the end
--    copy the before and after image of every row it touches into
--    `change_rows` as JSON, which is what undo and `history` read. The
--    current change is always the newest row of `changes`, because a change
--    is written inside one BEGIN IMMEDIATE transaction.

CREATE TABLE panel (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    name      TEXT,
    authority TEXT,
    revision  INTEGER NOT NULL DEFAULT 1
) STRICT;

-- A member cannot be called "all": owners: all means everyone.
CREATE TABLE members (
    id           TEXT PRIMARY KEY NOT NULL
                 CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'
                        AND substr(id, 1, 1) GLOB '[a-z0-9]' AND id <> 'all'),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL
                 CHECK (kind = 'councillor' OR kind = 'officer' OR kind = 'partner'
                        OR kind = 'co-opted' OR kind = 'adviser'),
    post         TEXT,
    voting       INTEGER NOT NULL CHECK (voting IN (0, 1)),
    organisation TEXT,
    email        TEXT,
    phone        TEXT,
    joined       TEXT CHECK (joined IS NULL OR date(joined) IS joined),
    left_on      TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
    notes        TEXT,
    revision     INTEGER NOT NULL DEFAULT 1,
    CHECK (left_on IS NULL OR joined IS NULL OR left_on >= joined)
) STRICT;

CREATE TABLE co_options (
    id           TEXT PRIMARY KEY NOT NULL
                 CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'
                        AND substr(id, 1, 1) GLOB '[a-z0-9]'),
    sector       TEXT NOT NULL,
    status       TEXT NOT NULL
                 CHECK (status = 'proposed' OR status = 'nominated' OR status = 'appointed'
                        OR status = 'ended' OR status = 'withdrawn'),
    member       TEXT REFERENCES members (id),
    nominated_by TEXT,
    resolved     TEXT CHECK (resolved IS NULL OR date(resolved) IS resolved),
    ref          TEXT,
    term_end     TEXT CHECK (term_end IS NULL OR date(term_end) IS term_end),
    notes        TEXT,
    revision     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE themes (
    id        TEXT PRIMARY KEY NOT NULL
              CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'
                     AND substr(id, 1, 1) GLOB '[a-z0-9]'),
    title     TEXT NOT NULL,
    lead      TEXT REFERENCES members (id),
    thoughts  TEXT,
    portfolio TEXT,
    position  INTEGER NOT NULL,
    revision  INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX themes_by_lead ON themes (lead);
CREATE INDEX themes_by_position ON themes (position);

-- A theme's sub-group: a value list, replaced whole by an import.
CREATE TABLE theme_subgroup (
    theme    TEXT NOT NULL REFERENCES themes (id),
    member   TEXT NOT NULL REFERENCES members (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (theme, member)
) STRICT;

CREATE TABLE strategies (
    id        TEXT PRIMARY KEY NOT NULL
              CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'
                     AND substr(id, 1, 1) GLOB '[a-z0-9]'),
    title     TEXT NOT NULL,
    parent    TEXT REFERENCES strategies (id),
    from_date TEXT CHECK (from_date IS NULL OR date(from_date) IS from_date),
    to_date   TEXT CHECK (to_date IS NULL OR date(to_date) IS to_date),
    revision  INTEGER NOT NULL DEFAULT 1,
    CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date),
    CHECK (parent IS NULL OR parent <> id)
) STRICT;

CREATE TABLE strategy_priorities (
    strategy TEXT NOT NULL REFERENCES strategies (id),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (strategy, position)
) STRICT;

CREATE TABLE meetings (
    id       TEXT PRIMARY KEY NOT NULL
             CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9._-]*'
                    AND substr(id, 1, 1) GLOB '[a-z0-9]'),
    date     TEXT NOT NULL CHECK (date(date) IS date),
    title    TEXT,
    revision INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX meetings_by_date ON meetings (date);

CREATE TABLE decisions (
    id       INTEGER PRIMARY KEY,
    meeting  TEXT NOT NULL REFERENCES meetings (id),
    ref      TEXT NOT NULL,
    text     TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting, ref)
) STRICT;

CREATE TABLE questions (
    id       INTEGER PRIMARY KEY,
    meeting  TEXT NOT NULL REFERENCES meetings (id),
    by       TEXT REFERENCES members (id),
    asked    TEXT NOT NULL,
    answer   TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting, asked)
) STRICT;

CREATE TABLE actions (
    id         INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 999999999),
    title      TEXT NOT NULL,
    owners_all INTEGER NOT NULL DEFAULT 0 CHECK (owners_all IN (0, 1)),
    theme      TEXT REFERENCES themes (id),
    due        TEXT CHECK (due IS NULL OR date(due) IS due),
    status     TEXT NOT NULL DEFAULT 'open'
               CHECK (status = 'open' OR status = 'in-progress' OR status = 'done'
                      OR status = 'dropped'),
    meeting    TEXT REFERENCES meetings (id),
    ref        TEXT,
    revision   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX actions_by_theme ON actions (theme, status);
CREATE INDEX actions_by_status_due ON actions (status, due);
CREATE INDEX actions_by_meeting ON actions (meeting);

-- An action's owners: a value list, in the order given. An action owned by
-- "all" has owners_all = 1 and no rows here.
CREATE TABLE action_owners (
    action   INTEGER NOT NULL REFERENCES actions (id),
    member   TEXT NOT NULL REFERENCES members (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (action, member)
) STRICT;
CREATE INDEX action_owners_by_member ON action_owners (member);

CREATE TABLE updates (
    id       INTEGER PRIMARY KEY,
    action   INTEGER NOT NULL REFERENCES actions (id),
    date     TEXT NOT NULL CHECK (date(date) IS date),
    by       TEXT REFERENCES members (id),
    text     TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX updates_by_action ON updates (action, date);
CREATE INDEX updates_by_date ON updates (date);

CREATE TABLE feedback (
    id       INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 999999999),
    date     TEXT CHECK (date IS NULL OR date(date) IS date),
    theme    TEXT REFERENCES themes (id),
    said     TEXT NOT NULL,
    did      TEXT,
    action   INTEGER REFERENCES actions (id),
    status   TEXT NOT NULL DEFAULT 'heard'
             CHECK (status = 'heard' OR status = 'acting' OR status = 'done'
                    OR status = 'told-back'),
    told     TEXT CHECK (told IS NULL OR date(told) IS told),
    channel  TEXT,
    revision INTEGER NOT NULL DEFAULT 1
) STRICT;

-- The history. `who` is the --as member id (free text: a member may be
-- removed later, the history stays). `undoes` names the change a reversal
-- reverses.
CREATE TABLE changes (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    who    TEXT,
    what   TEXT NOT NULL,
    undoes INTEGER REFERENCES changes (id)
) STRICT;

CREATE TABLE change_rows (
    id         INTEGER PRIMARY KEY,
    change     INTEGER NOT NULL REFERENCES changes (id),
    tbl        TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    before     TEXT,
    after      TEXT
) STRICT;
CREATE INDEX change_rows_by_change ON change_rows (change);
