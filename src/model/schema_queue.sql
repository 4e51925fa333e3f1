-- Version 8: what a member's queue reads (page_queue.c), in its order.
--
-- A queue is everyone's live actions, the member's own and their themes';
-- the first and the last are index ranges in (due, id) order, but a
-- member's own actions are rows of action_owners in id order, and finding
-- their due dates meant reading each one from actions: a random page read
-- per action the member owns before the first line, whatever the page.
-- queue_owned keeps them in the queue's order: one row per owner of each
-- live action (open or in progress) that is not everyone's, keyed by
-- (member, due, action), so that their part of a page is one range.
--
-- It is derived, and no history table: the triggers below keep it equal to
--     SELECT o.member, coalesce(a.due, ''), a.id FROM action_owners o
--     JOIN actions a ON a.id = o.action
--     WHERE a.owners_all = 0 AND a.status IN ('open', 'in-progress')
-- whatever writes the two tables (a put, an import, an undo, the sqlite3
-- shell), in either order; `panelboard check` compares the two. due is ''
-- when the action has none: a key column cannot be NULL, and no due date
-- is ''.
CREATE TABLE queue_owned (
    member TEXT NOT NULL,
    due    TEXT NOT NULL,
    action INTEGER NOT NULL,
    PRIMARY KEY (member, due, action)
) STRICT, WITHOUT ROWID;

INSERT INTO queue_owned (member, due, action)
    SELECT o.member, coalesce(a.due, ''), a.id FROM action_owners o
    JOIN actions a ON a.id = o.action
    WHERE a.owners_all = 0 AND a.status IN ('open', 'in-progress')
    ORDER BY 1, 2, 3;

CREATE TRIGGER queue_owned_owner_i AFTER INSERT ON action_owners
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO queue_owned (member, due, action)
        SELECT NEW.member, coalesce(a.due, ''), a.id FROM actions a
        WHERE a.id = NEW.action AND a.owners_all = 0
          AND a.status IN ('open', 'in-progress');
END;

CREATE TRIGGER queue_owned_owner_d AFTER DELETE ON action_owners
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    DELETE FROM queue_owned WHERE member = OLD.member AND action = OLD.action
        AND due = (SELECT coalesce(due, '') FROM actions WHERE id = OLD.action);
END;

CREATE TRIGGER queue_owned_owner_u AFTER UPDATE OF action, member ON action_owners
WHEN (OLD.action IS NOT NEW.action OR OLD.member IS NOT NEW.member)
  AND NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    DELETE FROM queue_owned WHERE member = OLD.member AND action = OLD.action
        AND due = (SELECT coalesce(due, '') FROM actions WHERE id = OLD.action);
    INSERT INTO queue_owned (member, due, action)
        SELECT NEW.member, coalesce(a.due, ''), a.id FROM actions a
        WHERE a.id = NEW.action AND a.owners_all = 0
          AND a.status IN ('open', 'in-progress');
END;

-- An action is usually added before its owners; undo may put them back
-- the other way round.
CREATE TRIGGER queue_owned_action_i AFTER INSERT ON actions
WHEN (NEW.owners_all = 0 AND NEW.status IN ('open', 'in-progress'))
  AND NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    INSERT INTO queue_owned (member, due, action)
        SELECT o.member, coalesce(NEW.due, ''), NEW.id FROM action_owners o
        WHERE o.action = NEW.id;
END;

CREATE TRIGGER queue_owned_action_d AFTER DELETE ON actions
WHEN NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    DELETE FROM queue_owned WHERE action = OLD.id AND due = coalesce(OLD.due, '')
        AND member IN (SELECT member FROM action_owners WHERE action = OLD.id);
END;

-- Only when what decides the rows changes: an edit of the title does not.
CREATE TRIGGER queue_owned_action_u AFTER UPDATE OF id, due, status, owners_all ON actions
WHEN (OLD.id IS NOT NEW.id OR OLD.due IS NOT NEW.due OR OLD.status IS NOT NEW.status
  OR OLD.owners_all IS NOT NEW.owners_all)
  AND NOT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = 'derived') BEGIN
    DELETE FROM queue_owned WHERE action = OLD.id AND due = coalesce(OLD.due, '')
        AND member IN (SELECT member FROM action_owners WHERE action = OLD.id);
    INSERT INTO queue_owned (member, due, action)
        SELECT o.member, coalesce(NEW.due, ''), NEW.id FROM action_owners o
        WHERE o.action = NEW.id AND NEW.owners_all = 0
          AND NEW.status IN ('open', 'in-progress');
END;

-- Every listing reads each action's owners in order from this index; with
-- the member in it that is one index page and no table row, and a queue
-- tests "not the member's own" on the same page.
DROP INDEX action_owners_in_order;
CREATE INDEX action_owners_in_order ON action_owners (action, position, member);

-- Version 5's index for a queue's scan of every live action, which no
-- query makes now: it only cost every write.
DROP INDEX actions_live_queue;
