#!/bin/bash
# `panelboard backup FILE`: a consistent copy while others write, checked
# and opened afterwards; FILE replaced whole or not at all.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"

pb backup "$WORK/first.db"
expect_status 0 "backup of a quiet database"
expect_err_has "checked: sound" "backup says it checked the copy"
DB="$WORK/first.db" pb check
expect_status 0 "the backup is sound"
DB="$WORK/first.db" pb actions --format tsv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 6 "the backup holds the six actions"

# two writers adding actions while backups are taken
writer() {
    for i in $(seq 1 40); do
        "$PANELBOARD" --db "$DB" --as chair add "Busy $1 $i" >/dev/null 2>>"$WORK/writer.err" || echo "writer $1 failed at $i" >>"$WORK/writer.err"
    done
}
: >"$WORK/writer.err"
writer a &
writer b &
bad=0
for n in 1 2 3 4 5 6; do
    "$PANELBOARD" --db "$DB" backup "$WORK/busy.db" 2>>"$WORK/backup.err" || bad=$((bad + 1))
    DB="$WORK/busy.db" pb check
    [ "$status" -eq 0 ] || bad=$((bad + 1))
    # consistent: every action in the copy has the change that added it
    adds=$(sqlite3 "$WORK/busy.db" "SELECT count(*) FROM actions a WHERE NOT EXISTS (SELECT 1 FROM change_rows r WHERE r.tbl = 'actions' AND r.row_id = a.rowid)" 2>/dev/null || echo 0)
    [ "$adds" -eq 0 ] || bad=$((bad + 1))
done
wait
expect_eq "$bad" 0 "six backups taken while two writers add actions are all sound and consistent ($(head -3 "$WORK/backup.err"))"
expect_eq "$(grep -c failed "$WORK/writer.err")" 0 "no writer failed while backups ran ($(head -3 "$WORK/writer.err"))"
pb backup "$WORK/busy.db"
expect_status 0 "a backup over an older backup"
DB="$WORK/busy.db" pb actions --format tsv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 86 "the last backup holds every action"
checks=$((checks + 1))
ls "$WORK" | grep -q '\.tmp-' && fail "a temporary file was left behind: $(ls "$WORK")"

# a folder that cannot be written: a one-line error, the old backup intact
mkdir -p "$WORK/locked"
cp "$WORK/first.db" "$WORK/locked/panel-backup.db"
chmod 0555 "$WORK/locked"
if ! touch "$WORK/locked/probe" 2>/dev/null; then
    pb backup "$WORK/locked/panel-backup.db"
    expect_status 73 "backup into a read-only folder"
    expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line of error"
    DB="$WORK/locked/panel-backup.db" pb check
    expect_status 0 "the old backup is intact"
fi
chmod 0755 "$WORK/locked"

pb backup
expect_status 64 "backup without a FILE"

finish
