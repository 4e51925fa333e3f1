#!/bin/bash
# Probes a hostile user tried (issue 10), each answered by a one-line error
# and its exit status, with nothing lost and nothing added twice.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
cp "$DB" "$WORK/sound.db"
count_actions() { "$PANELBOARD" --db "$DB" actions --format tsv | tail -n +2 | wc -l; }
before=$(count_actions)

# --- an id past 2^63 is refused, not clamped to 9223372036854775807 ---
pb done 99999999999999999999
expect_status 65 "done with an id past 2^63"
expect_err_has "is not an id" "an id past 2^63 is called what it is"
checks=$((checks + 1))
case "$err" in *9223372036854775807*) fail "the id was clamped: $err" ;; esac

pb history --limit 99999999999999999999
expect_status 64 "history --limit past 2^63"

# --- a due date past 9999-12-31 is refused, not clamped ---
out=$(PANELBOARD_TODAY=9999-12-20 "$PANELBOARD" --db "$DB" add 'Far off @chair due:+3w' 2>"$WORK/stderr")
status=$?
err=$(cat "$WORK/stderr")
expect_status 65 "add with a due date after 9999-12-31"
expect_err_has "after 9999-12-31" "the refusal says why"
expect_eq "$(count_actions)" "$before" "nothing was added"

# --- add with its output on a full disk adds nothing ---
if [ -w /dev/full ]; then
    "$PANELBOARD" --db "$DB" add 'Written to nowhere @chair' >/dev/full 2>"$WORK/stderr"
    status=$?
    err=$(cat "$WORK/stderr")
    expect_status 74 "add with standard output on a full disk"
    expect_err_has "nothing was added" "the error says nothing was added"
    expect_eq "$(count_actions)" "$before" "the action was not saved (a retry cannot add it twice)"
fi

# --- an --as holding a control character ---
pb --as "$(printf 'chair\033[2J')" queue
expect_status 64 "an --as holding ESC [ 2 J"

# --- a panelboard database whose user_version was reset ---
cp "$WORK/sound.db" "$WORK/reset.db"
sqlite3 "$WORK/reset.db" "PRAGMA user_version = 0" 2>/dev/null ||
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 0"); c.commit()' "$WORK/reset.db"
DB="$WORK/reset.db" pb actions
expect_status 65 "a panelboard database with user_version 0"
expect_err_has "reset to 0" "the error names what is wrong, not 'table panel already exists'"

# --- a damaged database is called damaged ---
cp "$WORK/sound.db" "$WORK/broken.db"
python3 - "$WORK/broken.db" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(100)  # the schema's own b-tree page, after the file header
    f.write(b"\xff" * 200)
PY
DB="$WORK/broken.db" pb actions
expect_status 65 "a database with a damaged page"
expect_err_has "is damaged" "a damaged database is called damaged"
DB="$WORK/broken.db" pb check
expect_status 65 "check on a damaged database"

# --- six processes making one new database at once: all succeed ---
bad=0
for round in 1 2 3 4 5 6 7 8; do
    new="$WORK/race-$round/panel.db"
    for i in 1 2 3 4 5 6; do
        "$PANELBOARD" --db "$new" init >/dev/null 2>"$WORK/race-$round.$i.err" &
    done
    for job in $(jobs -p); do
        wait "$job" || bad=$((bad + 1))
    done
done
expect_eq "$bad" 0 "48 processes making 8 new databases six at a time all succeed ($(cat "$WORK"/race-*.err | sort | uniq -c | head -3))"
DB="$WORK/race-1/panel.db" pb check
expect_status 0 "the database they made is sound"

# --- history JSON written over by another program ---
cp "$WORK/sound.db" "$WORK/json.db"
sqlite3 "$WORK/json.db" "UPDATE change_rows SET after = '{\"id\": 1, bad' WHERE id = (SELECT min(id) FROM change_rows WHERE tbl = 'actions')"
DB="$WORK/json.db" pb check
expect_status 65 "check on a database whose history JSON is damaged"
expect_out_has "damaged JSON" "check names the damaged history"
DB="$WORK/json.db" pb history
expect_status 65 "history on damaged JSON is bad data, not an internal error"
expect_err_has "run panelboard check" "history says what to do"

# --- a read-only folder (a read-only bind mount, where this machine allows one) ---
mkdir -p "$WORK/rw" "$WORK/ro"
cp "$WORK/sound.db" "$WORK/rw/panel.db"
"$PANELBOARD" --db "$WORK/rw/panel.db" actions >/dev/null 2>&1 # leaves it in WAL mode, checkpointed
trap 'umount "$WORK/ro" 2>/dev/null; rm -rf "$WORK"' EXIT
if mount --bind "$WORK/rw" "$WORK/ro" 2>/dev/null; then
    if mount -o remount,bind,ro "$WORK/ro" 2>/dev/null; then
        for command in actions history check "export --format md" minutes "queue chair"; do
            # shellcheck disable=SC2086
            DB="$WORK/ro/panel.db" pb $command
            expect_status 0 "$command in a read-only folder"
        done
        DB="$WORK/ro/panel.db" pb --as chair add "Cannot @chair"
        expect_status 74 "add in a read-only folder"
        expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line of error"
    fi
    umount "$WORK/ro"
fi

finish
