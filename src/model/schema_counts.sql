-- The actions counted, kept by triggers (the step after the queue index and
-- the login): what the dashboard's themes, leads and status line show,
-- read in a few index seeks however many actions the panel holds, instead
-- of a count(*) over them. Derived data: the count tables have no history
-- triggers, and undo keeps them right through the triggers on the tables
-- it restores. counts.c fills them from the actions (pb_counts_rebuild,
-- which a migration and a bulk load run) and `panelboard check` compares
-- them with a fresh count.
--
-- Each action is counted once under the owner '' (every action), once
-- more under '*' when it is owned by all, and once under each member who
-- owns it when it is not (an action owned by all is counted under '*'
-- only, even if it has owner rows, so that "owned by M or by all" is the
-- sum of M's count and '*''s). Neither key can be a member's id. The theme
-- is '' for an action without one.

CREATE TABLE action_counts (
    owner  TEXT NOT NULL,
    theme  TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (owner, theme, status)
) STRICT, WITHOUT ROWID;

-- The actions still to do (open or in progress) that have a due date,
-- counted by the month they are due in (`month`, its first day) and by
-- the day, so that those overdue at any today are the months before
-- today's plus the days of today's month before it: a sum over a row a
-- month and at most 30 days, not over the actions. The months are kept
-- theme by theme, a theme's in one run; the days date by date, so that an
-- owner's days of this month, in every theme, are one run too.
CREATE TABLE action_month_counts (
    owner  TEXT NOT NULL,
    theme  TEXT NOT NULL,
    month  TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (owner, theme, month, status)
) STRICT, WITHOUT ROWID;

CREATE TABLE action_day_counts (
    owner  TEXT NOT NULL,
    due    TEXT NOT NULL,
    theme  TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (owner, due, theme, status)
) STRICT, WITHOUT ROWID;

-- What one action counts for under one owner, +1 or -1: the triggers
-- below insert here and this view's trigger applies it to the tables, so
-- that what an action contributes is written once. Rows that fall to 0
-- are deleted, so that the tables hold just what a rebuild would.
CREATE VIEW action_count_changes (owner, theme, status, due, n) AS
    SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER action_count_changes_apply INSTEAD OF INSERT ON action_count_changes
BEGIN
    INSERT INTO action_counts (owner, theme, status, n)
        VALUES (NEW.owner, NEW.theme, NEW.status, NEW.n)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM action_counts
        WHERE NEW.n < 0 AND owner = NEW.owner AND theme = NEW.theme AND status = NEW.status
        AND n = 0;
    INSERT INTO action_month_counts (owner, theme, month, status, n)
        SELECT NEW.owner, NEW.theme, date(NEW.due, 'start of month'), NEW.status, NEW.n
        WHERE NEW.due IS NOT NULL AND (NEW.status = 'open' OR NEW.status = 'in-progress')
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM action_month_counts
        WHERE NEW.n < 0 AND owner = NEW.owner AND theme = NEW.theme
        AND month = date(NEW.due, 'start of month') AND status = NEW.status AND n = 0;
    INSERT INTO action_day_counts (owner, due, theme, status, n)
        SELECT NEW.owner, NEW.due, NEW.theme, NEW.status, NEW.n
        WHERE NEW.due IS NOT NULL AND (NEW.status = 'open' OR NEW.status = 'in-progress')
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM action_day_counts
        WHERE NEW.n < 0 AND owner = NEW.owner AND due = NEW.due AND theme = NEW.theme
        AND status = NEW.status AND n = 0;
END;

-- An action counts under '', '*' when owned by all, and else under the
-- owners it has at that moment; an owner row added later counts itself.
CREATE TRIGGER actions_counts_i AFTER INSERT ON actions
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT o.owner, coalesce(NEW.theme, ''), NEW.status, NEW.due, 1
        FROM (SELECT '' AS owner UNION ALL SELECT '*' WHERE NEW.owners_all = 1
              UNION ALL SELECT member FROM action_owners
                        WHERE action = NEW.id AND NEW.owners_all = 0) o;
END;

CREATE TRIGGER actions_counts_d AFTER DELETE ON actions
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT o.owner, coalesce(OLD.theme, ''), OLD.status, OLD.due, -1
        FROM (SELECT '' AS owner UNION ALL SELECT '*' WHERE OLD.owners_all = 1
              UNION ALL SELECT member FROM action_owners
                        WHERE action = OLD.id AND OLD.owners_all = 0) o;
END;

-- Only a change to what is counted: an edited title costs nothing.
CREATE TRIGGER actions_counts_u AFTER UPDATE OF id, owners_all, theme, due, status ON actions
WHEN (OLD.id IS NOT NEW.id OR OLD.owners_all IS NOT NEW.owners_all
     OR OLD.theme IS NOT NEW.theme OR OLD.due IS NOT NEW.due OR OLD.status IS NOT NEW.status)
  AND NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT o.owner, coalesce(OLD.theme, ''), OLD.status, OLD.due, -1
        FROM (SELECT '' AS owner UNION ALL SELECT '*' WHERE OLD.owners_all = 1
              UNION ALL SELECT member FROM action_owners
                        WHERE action = OLD.id AND OLD.owners_all = 0) o;
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT o.owner, coalesce(NEW.theme, ''), NEW.status, NEW.due, 1
        FROM (SELECT '' AS owner UNION ALL SELECT '*' WHERE NEW.owners_all = 1
              UNION ALL SELECT member FROM action_owners
                        WHERE action = NEW.id AND NEW.owners_all = 0) o;
END;

-- An owner row counts its action under its member, when the action is
-- there (an import or an undo may write the owners first) and is not
-- owned by all.
CREATE TRIGGER action_owners_counts_i AFTER INSERT ON action_owners
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT NEW.member, coalesce(a.theme, ''), a.status, a.due, 1
        FROM actions a WHERE a.id = NEW.action AND a.owners_all = 0;
END;

CREATE TRIGGER action_owners_counts_d AFTER DELETE ON action_owners
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT OLD.member, coalesce(a.theme, ''), a.status, a.due, -1
        FROM actions a WHERE a.id = OLD.action AND a.owners_all = 0;
END;

CREATE TRIGGER action_owners_counts_u AFTER UPDATE OF action, member ON action_owners
WHEN (OLD.action IS NOT NEW.action OR OLD.member IS NOT NEW.member)
  AND NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT OLD.member, coalesce(a.theme, ''), a.status, a.due, -1
        FROM actions a WHERE a.id = OLD.action AND a.owners_all = 0;
    INSERT INTO action_count_changes (owner, theme, status, due, n)
        SELECT NEW.member, coalesce(a.theme, ''), a.status, a.due, 1
        FROM actions a WHERE a.id = NEW.action AND a.owners_all = 0;
END;
