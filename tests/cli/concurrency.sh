#!/usr/bin/env bash
# Two writers on one database file for a few seconds: every change is either
# saved (its id printed, and the action is there afterwards) or reported
# (exit 75, the database stayed busy); none is lost, none half-written, and
# each saved one has its own history entry.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "the example panel imports"
before=$("$PANELBOARD" --db "$DB" actions --format tsv | tail -n +2 | wc -l)
changes_before=$("$PANELBOARD" --db "$DB" history --limit 0 | grep -c '^#')

# writer NAME: adds actions for 3 seconds; logs "ok ID" or "busy" per try
writer() {
    local name=$1 log="$WORK/$1.log" i=0 end=$((SECONDS + 3))
    : >"$log"
    while [ "$SECONDS" -lt "$end" ]; do
        i=$((i + 1))
        id=$("$PANELBOARD" --db "$DB" --as chair add "$name action $i @chair" 2>"$WORK/$name.err")
        rc=$?
        if [ "$rc" -eq 0 ]; then
            echo "ok $id" >>"$log"
        elif [ "$rc" -eq 75 ]; then
            echo "busy" >>"$log"
        else
            echo "unexpected $rc $(cat "$WORK/$name.err")" >>"$log"
        fi
    done
}
writer one &
writer two &
wait

saved=$(cat "$WORK/one.log" "$WORK/two.log" | grep -c '^ok ')
unexpected=$(cat "$WORK/one.log" "$WORK/two.log" | grep '^unexpected' | head -3)
expect_eq "$unexpected" "" "every failed write is reported as busy (75)"
checks=$((checks + 1))
[ "$saved" -gt 10 ] || fail "the two writers saved only $saved actions in 3 seconds"

after=$("$PANELBOARD" --db "$DB" actions --format tsv | tail -n +2 | wc -l)
expect_eq "$after" "$((before + saved))" "every saved action is in the database, no more"

ids_printed=$(cat "$WORK/one.log" "$WORK/two.log" | awk '/^ok /{print $2}' | sort -n | tr '\n' ' ')
ids_stored=$("$PANELBOARD" --db "$DB" actions --format tsv | awk -F'\t' 'NR > 1 && $6 ~ /^(one|two) action/ {print $1}' | sort -n | tr '\n' ' ')
expect_eq "$ids_stored" "$ids_printed" "the ids printed are exactly the actions stored"

changes_after=$("$PANELBOARD" --db "$DB" history --limit 0 | grep -c '^#')
expect_eq "$changes_after" "$((changes_before + saved))" "one history entry per saved change"

pb check
expect_status 0 "the database is sound after the race"

# A writer that holds the lock past the busy timeout (5 s): the next write
# waits it out, then gives up with 75 and a clear message, adding nothing.
python3 - "$DB" "$WORK/locked" <<'PY' &
import sqlite3, sys, time, pathlib
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
pathlib.Path(sys.argv[2]).touch()
time.sleep(8)
db.execute("ROLLBACK")
PY
holder=$!
while [ ! -e "$WORK/locked" ]; do sleep 0.1; done
start=$SECONDS
pb --as chair add "Blocked action @chair"
waited=$((SECONDS - start))
expect_status 75 "a write blocked past the timeout exits 75"
expect_err_has "busy" "the message says the database was busy"
checks=$((checks + 1))
[ "$waited" -ge 4 ] || fail "gave up after ${waited}s instead of waiting out the timeout"
wait "$holder"
pb actions --format tsv
expect_out_lacks "Blocked action" "nothing was added by the blocked write"
finish
