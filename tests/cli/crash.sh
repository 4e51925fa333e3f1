#!/bin/bash
# Crash safety: SIGKILL at 20 random moments of a large import, of add and
# done, and of export -o; after each, check passes and the database holds
# all of the change or none of it, and no temporary file is left behind.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "no sqlite3 shell: skipped"; exit 77; }

big="$WORK/big.yaml"
awk 'BEGIN {
    print "panelboard: 1"
    print "members:"
    for (i = 0; i < 20000; i++)
        printf "  - id: m%05d\n    name: Member %d\n    kind: %s\n", i, i, (i % 3 ? "officer" : "councillor")
    print "themes:"
    for (i = 0; i < 200; i++)
        printf "  - id: t%03d\n    title: Theme %d\n    lead: m%05d\n", i, i, i
}' >"$big"
pb import "$EXAMPLE"
expect_status 0 "import the example panel"
cp "$DB" "$WORK/base.db"
base_members=$(sqlite3 "$WORK/base.db" "SELECT count(*) FROM members")

# how long a whole import takes, so the kills fall inside it
start=$(date +%s%N)
DB="$WORK/timing.db"
cp "$WORK/base.db" "$DB"
pb import "$big"
expect_status 0 "the large import, uninterrupted"
span=$((($(date +%s%N) - start) / 1000000))
all_members=$(sqlite3 "$DB" "SELECT count(*) FROM members")

# kill_at MS CMD...: run CMD, SIGKILL it after MS milliseconds (if still running)
kill_at() {
    local ms=$1; shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(printf '0.%03d' "$ms")" 2>/dev/null || sleep 0
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

bad=0
DB="$WORK/kill.db"
for n in $(seq 1 20); do
    cp "$WORK/base.db" "$DB"
    rm -f "$DB-wal" "$DB-shm"
    ms=$((RANDOM % (span > 999 ? 999 : span + 1)))
    kill_at "$ms" "$PANELBOARD" --db "$DB" import "$big"
    pb check
    if [ "$status" -ne 0 ]; then bad=$((bad + 1)); echo "after a kill at ${ms} ms: $out $err"; fi
    got=$(sqlite3 "$DB" "SELECT count(*) FROM members")
    if [ "$got" != "$base_members" ] && [ "$got" != "$all_members" ]; then
        bad=$((bad + 1)); echo "after a kill at ${ms} ms: $got members, not $base_members or $all_members"
    fi
done
expect_eq "$bad" 0 "20 imports killed at random moments: check passes, all or nothing"

# add and done, killed at random moments: an action is there with its
# history entry, or not at all
DB="$WORK/loop.db"
cp "$WORK/base.db" "$DB"
bad=0
for n in $(seq 1 20); do
    kill_at $((RANDOM % 40)) "$PANELBOARD" --db "$DB" --as chair add "Killed $n @chair"
    kill_at $((RANDOM % 40)) "$PANELBOARD" --db "$DB" --as chair done 1 "note $n"
    pb check
    [ "$status" -eq 0 ] || { bad=$((bad + 1)); echo "check after kill $n: $out $err"; }
    orphans=$(sqlite3 "$DB" "SELECT count(*) FROM actions a WHERE NOT EXISTS (SELECT 1 FROM change_rows r WHERE r.tbl = 'actions' AND r.row_id = a.rowid)")
    [ "$orphans" -eq 0 ] || { bad=$((bad + 1)); echo "an action without its history after kill $n"; }
done
expect_eq "$bad" 0 "add and done killed at random moments: check passes, each change whole or absent"

# export -o killed at random moments: the old file whole, nothing left beside it
DB="$WORK/timing.db"
mkdir -p "$WORK/out"
pb export -o "$WORK/out/panel.yaml"
expect_status 0 "export the large panel"
cp "$WORK/out/panel.yaml" "$WORK/good.yaml"
for n in $(seq 1 10); do
    kill_at $((RANDOM % 300)) "$PANELBOARD" --db "$DB" export -o "$WORK/out/panel.yaml"
done
expect_eq "$(ls "$WORK/out")" "panel.yaml" "no temporary file left beside the export"
checks=$((checks + 1))
cmp -s "$WORK/out/panel.yaml" "$WORK/good.yaml" || fail "the export was left half-written"

finish
