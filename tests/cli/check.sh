#!/bin/bash
# `panelboard check`: a sound database gets exit 0; one damaged behind
# panelboard's back (rows changed with the sqlite3 shell, foreign keys and
# CHECK constraints off) gets exit 65 and a line naming each problem.
. "$(dirname "$0")/lib.sh"

# sql DB SCRIPT: run SQL with the sqlite3 shell or, failing that, Python's
# sqlite3 module (whose connections keep foreign keys off, as the shell's do).
sql() {
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" "$2"
    else
        python3 -c 'import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.executescript(sys.argv[2])
con.commit()
con.close()' "$1" "$2"
    fi
}

# expect_line TEXT ERE DESCRIPTION: some line of TEXT matches ERE
expect_line() {
    checks=$((checks + 1))
    printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: no line matches /$2/ in: $1"
}

# damaged NAME SQL: a copy of the sound database with SQL applied behind
# panelboard's back; sets DB to it and runs check
damaged() {
    DB="$WORK/$1.db"
    cp "$WORK/sound.db" "$DB"
    sql "$DB" "$2" || fail "$1: could not damage the copy"
    pb check
}

# --- sound databases ---
DB="$WORK/empty.db"
pb init
pb check
expect_status 0 "check on a new, empty database"
expect_out_has "sound" "check says an empty database is sound"

DB="$WORK/sound.db"
pb import "$EXAMPLE"
expect_status 0 "import the example panel"
pb check
expect_status 0 "check on the imported example panel"
expect_out_has "sound" "check says the imported panel is sound"

if ! command -v sqlite3 >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
    echo "note: neither sqlite3 nor python3: cannot damage a database, those cases are skipped"
    finish
fi

# --- damage behind panelboard's back ---
# an action's owner deleted with foreign keys off: action 4's owner dangles
damaged dangling-owner "PRAGMA foreign_keys = OFF; DELETE FROM members WHERE id = 'gov-officer';"
expect_status 65 "check with an action owner that no longer exists"
expect_line "$out$err" '(action_owners|gov-officer|foreign key).*(missing|gov-officer|members)' \
    "the dangling owner is reported on a line"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE ': sound$' && fail "check calls a damaged database sound: $out"

# a theme's lead deleted: the theme points at nobody
damaged dangling-lead "PRAGMA foreign_keys = OFF; DELETE FROM members WHERE id = 'knox';"
expect_status 65 "check with a theme lead that no longer exists"

# a value outside its CHECK constraint, written with the checks off
damaged bad-status "PRAGMA ignore_check_constraints = ON; UPDATE actions SET status = 'postponed' WHERE id = 3;"
expect_status 65 "check with an action status no one may set"
expect_line "$out$err" '(CHECK|constraint|status)' "the bad status is reported"

# the panel's own rules: no strategy its own ancestor, no lead who has left
damaged strategy-cycle "UPDATE strategies SET parent = 'sufficiency' WHERE id = 'cic-care-leavers';"
expect_status 65 "check with two strategies each the other's parent"
expect_line "$out$err" 'cic-care-leavers.*ancestor|ancestor.*cic-care-leavers|cycle' \
    "the strategy cycle is reported"
damaged lead-left "UPDATE members SET left_on = '2020-01-01' WHERE id = 'thirkill';"
expect_status 65 "check with a theme led by a member who has left"
expect_line "$out$err" 'thirkill' "the lead who left is named"

# the rows a queue reads its member's own actions from (queue_owned, kept by
# triggers) out of step with the actions: action 3 of the example is everyone's
damaged queue-rows "INSERT INTO queue_owned (member, due, action) VALUES ('knox', '2023-01-11', 3);"
expect_status 65 "check with an action in a queue of someone who does not own it"
expect_line "$out$err" 'action 3 .*knox' "the action out of step is named with the member"

# several problems at once: each on its own line
damaged two-problems "PRAGMA foreign_keys = OFF; DELETE FROM members WHERE id = 'gov-officer';
    UPDATE members SET left_on = '2020-01-01' WHERE id = 'thirkill';"
expect_status 65 "check with two problems"
expect_line "$out$err" 'thirkill' "the second problem is reported too"
expect_line "$out$err" '(action_owners|gov-officer)' "the first problem is still reported"

# check changes nothing, even when it finds problems
cp "$WORK/two-problems.db" "$WORK/two-problems.copy"
pb check
checks=$((checks + 1))
cmp -s "$DB" "$WORK/two-problems.copy" || fail "check changed the database it checked"

finish
