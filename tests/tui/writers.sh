#!/usr/bin/env bash
# One dashboard and four command-line writers on one database for 30 s
# (PB_WRITERS_SECONDS): every id a writer printed is in the final export,
# no "database is locked" reaches anyone, the database is sound, and the
# dashboard comes to show the final state.
. "$(dirname "$0")/lib.sh"

SECONDS_TO_RUN=${PB_WRITERS_SECONDS:-30}
import_example
start chair 120 40 -- --as chair
wait_ready
keys 3
wait_for '6 actions'

# writer NAME: adds actions, and closes every third one it added, until the
# time is up; logs "ok ID" per add, and any failure whole
writer() {
    local name=$1 log="$WORK/$1.log" i=0 end=$((SECONDS + SECONDS_TO_RUN))
    : >"$log"
    while [ "$SECONDS" -lt "$end" ]; do
        i=$((i + 1))
        if id=$("$PANELBOARD" --db "$DB" --as chair add "$name action $i @chair" 2>>"$WORK/$name.err"); then
            echo "ok $id" >>"$log"
            if [ $((i % 3)) -eq 0 ]; then
                "$PANELBOARD" --db "$DB" --as chair done "$id" "closed by $name" \
                    2>>"$WORK/$name.err" || echo "done failed $id" >>"$log"
            fi
        else
            echo "add failed $i" >>"$log"
        fi
    done
}
for w in w1 w2 w3 w4; do writer "$w" & done
wait

expect_eq "$(cat "$WORK"/w?.log | grep -v '^ok ' | head -3)" "" "every write succeeded"
checks=$((checks + 1))
grep -l -i "database is locked" "$WORK"/w?.err >/dev/null 2>&1 &&
    fail "'database is locked' reached a writer: $(grep -h -i locked "$WORK"/w?.err | head -2)"
checks=$((checks + 1))
screen | grep -qi "locked" && fail "'database is locked' reached the dashboard: $(screen)"

saved=$(cat "$WORK"/w?.log | grep -c '^ok ')
checks=$((checks + 1))
[ "$saved" -gt 20 ] || fail "four writers saved only $saved actions in ${SECONDS_TO_RUN}s"
pb export
expect_status 0 "the final export"
# the printed ids less the exported ones, in one pass each
missing=$(comm -23 <(awk '/^ok /{print $2}' "$WORK"/w?.log | sort -u) \
    <(printf '%s\n' "$out" | sed -n 's/^- id: //p' | sort -u) | wc -l)
expect_eq "$missing" 0 "every printed id is in the final export ($saved saved)"
pb check
expect_status 0 "the database is sound"

total=$((6 + saved))
wait_for "$total actions" 10
finish
