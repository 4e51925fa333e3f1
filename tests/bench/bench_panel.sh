#!/usr/bin/env bash
# Benchmark of the whole-panel paths and the listings on a generated panel
# of N actions (gen_panel, seed 1; N/250 members, at least 40):
#   - import, beside libyaml's bare event loop over the same files, and
#     beside the sqlite3 shell storing the same rows (the floor under it);
#   - export, beside the import;
#   - `queue` and `actions --overdue` (whole, and | head -50), each beside
#     the sqlite3 shell running the same query on the same file with the
#     same page cache.
# Times are CPU time (user + system) per run, the best of R measures taken
# in turns (each of max(1, 100000/N) runs, so that small panels are above
# the clock's resolution): wall time is mostly other people's work on a
# shared machine. Peak memory is the largest resident set of any run. Prints one table row per
# measure; the ratio is against the yardstick on the same line.
#
#     PANELBOARD=... BARE_PARSE=... GEN_PANEL=... bench_panel.sh N [R]
set -eu
: "${PANELBOARD:?}" "${BARE_PARSE:?}" "${GEN_PANEL:?}"
n=${1:?usage: bench_panel.sh N [RUNS]}
runs=${2:-3}
members=$((n / 250 > 40 ? n / 250 : 40))
work=$(mktemp -d "${TMPDIR:-/tmp}/pb-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
mapfile -t files < <("$GEN_PANEL" -n "$n" -m "$members" -s 1 -o "$work/panel")
db="$work/panel.db"
bytes=$(cat "${files[@]}" | wc -c)
export PANELBOARD_TODAY=2024-01-01
today=$PANELBOARD_TODAY
member=m00007
SQLITE3=${SQLITE3:-sqlite3}
command -v "$SQLITE3" >/dev/null || { echo "bench_panel: needs the sqlite3 shell" >&2; exit 77; }

reps=$((100000 / n > 1 ? 100000 / n : 1))

# measure CMD: "CPU_SECONDS PEAK_KB" of a run of CMD (a shell string),
# the average over reps runs
measure() {
    local TIMEFORMAT='%3U %3S' t
    t=$( { time /usr/bin/time -f '%M' -o "$work/peak" \
        bash -c "for _ in \$(seq $reps); do $1; done" >/dev/null 2>&1 || true; } 2>&1)
    echo "$t $(cat "$work/peak")" | awk -v r="$reps" '{ printf "%.4f %d\n", ($1 + $2) / r, $3 }'
}

# best NAME CMD: keeps the lowest CPU time and highest peak of NAME's runs
declare -A cpu peak
best() {
    local r
    r=$(measure "$2")
    set -- "$1" ${r}
    if [ -z "${cpu[$1]:-}" ] || [ "$(echo "$2 < ${cpu[$1]}" | bc)" = 1 ]; then cpu[$1]=$2; fi
    if [ -z "${peak[$1]:-}" ] || [ "$3" -gt "${peak[$1]}" ]; then peak[$1]=$3; fi
}

import_cmd="rm -f '$db' '$db-wal' '$db-shm'; '$PANELBOARD' --db '$db' import ${files[*]}"
parse_cmd="for f in ${files[*]}; do '$BARE_PARSE' \"\$f\"; done"

# The program's own SQL (src/model/action.c), as the shell would run it.
cols="SELECT a.id, a.title, a.owners_all, (SELECT group_concat(member, ',') FROM (SELECT member FROM action_owners WHERE action = a.id ORDER BY position)), a.theme, a.due, a.status, a.meeting, a.ref, a.revision, a.status IN ('open', 'in-progress') AND a.due < '$today' FROM actions a"
# A queue (src/model/page_queue.c) as pages read it, whole: everyone's, the
# member's own (queue_owned), and one part per theme they lead ($member
# leads one), merged in order; the rows with a due date, then those without.
live="a.status IN ('open', 'in-progress')"
not_own="a.owners_all = 0 AND NOT EXISTS (SELECT 1 FROM action_owners o INDEXED BY action_owners_in_order WHERE o.action = a.id AND o.member = '$member')"
led_theme="(SELECT id FROM themes WHERE lead = '$member' ORDER BY position, rowid LIMIT 1 OFFSET 0)"
own="FROM queue_owned q CROSS JOIN actions a ON a.id = q.action WHERE q.member = '$member'"
cols_q() { echo "${cols% FROM actions a}" | sed "s/^SELECT a.id,/SELECT q.action,/; s/, a.due, a.status,/, $1, a.status,/"; }
queue_sql="$cols INDEXED BY actions_all_live WHERE a.owners_all = 1 AND $live AND a.due IS NOT NULL AND (a.due, a.id) > ('', 9223372036854775807)"
queue_sql+=" UNION ALL $(cols_q q.due) $own AND (q.due, q.action) > ('', 9223372036854775807)"
queue_sql+=" UNION ALL $cols INDEXED BY actions_live_by_theme_due WHERE a.theme = $led_theme AND $not_own AND $live AND a.due IS NOT NULL AND (a.due, a.id) > ('', 9223372036854775807)"
queue_sql+=" ORDER BY 6, 1 LIMIT 9223372036854775807;"
queue_sql+=" $cols INDEXED BY actions_all_live WHERE a.owners_all = 1 AND $live AND a.due IS NULL AND a.id > -9223372036854775808"
queue_sql+=" UNION ALL $(cols_q a.due) $own AND q.due = '' AND q.action > -9223372036854775808"
queue_sql+=" UNION ALL $cols INDEXED BY actions_live_by_theme_due WHERE a.theme = $led_theme AND $not_own AND $live AND a.due IS NULL AND a.id > -9223372036854775808"
queue_sql+=" ORDER BY 1 LIMIT 9223372036854775807;"
overdue_sql="$cols INDEXED BY actions_live_by_id WHERE 1 AND a.status IN ('open', 'in-progress') AND a.due < '$today' ORDER BY a.id;"
shell() { # the sqlite3 shell with panelboard's page cache
    echo "'$SQLITE3' -cmd 'PRAGMA cache_size = -65536' '$db' \"$1\""
}

for _ in $(seq "$runs"); do
    best parse "$parse_cmd"
    best import "$import_cmd"
done
# the last import's database is the one the reads run on
[ -s "$db" ] && "$PANELBOARD" --db "$db" actions --status open | head -1 | grep -q . ||
    { echo "bench_panel: the import failed" >&2; exit 1; }

# The floor under the import: the sqlite3 shell storing the same rows in
# the same schema (its indexes and foreign keys), one INSERT ... SELECT
# per table from the imported file, without the history and without the
# tables derived from the actions (their triggers wait on bulk_marks).
floor_db="$work/floor.db"
tables=$("$SQLITE3" "$db" "SELECT group_concat('INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name || '\" ORDER BY rowid;', ' ') FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('changes', 'change_rows', 'bulk_marks') AND name NOT LIKE 'sqlite_%'")
cat >"$work/floor.sql" <<SQL
PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
ATTACH '$db' AS src;
BEGIN; PRAGMA defer_foreign_keys = ON;
INSERT INTO bulk_marks SELECT name, 0 FROM main.sqlite_schema WHERE type = 'table';
INSERT INTO bulk_marks VALUES ('derived', 0);
$tables
COMMIT;
SQL
floor_cmd="rm -f '$floor_db'*; '$PANELBOARD' --db '$floor_db' init >/dev/null 2>&1; '$SQLITE3' '$floor_db' <'$work/floor.sql'"
for _ in $(seq "$runs"); do
    best floor "$floor_cmd"
done
for _ in $(seq "$runs"); do
    best export "'$PANELBOARD' --db '$db' export"
    best queue "'$PANELBOARD' --db '$db' queue $member"
    best queue_sh "$(shell "$queue_sql")"
    best overdue "'$PANELBOARD' --db '$db' actions --overdue"
    best overdue_sh "$(shell "$overdue_sql")"
    best head "'$PANELBOARD' --db '$db' actions --overdue | head -50"
    best head_sh "$(shell "$overdue_sql") | head -50"
    best qhead "'$PANELBOARD' --db '$db' queue $member | head -50"
    best qhead_sh "$(shell "$queue_sql") | head -50"
done

ratio() { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }
row() { # row LABEL NAME YARDSTICK_LABEL YARDSTICK_NAME
    printf '| %-32s | %8s s | %8d KB | %-28s | %8s s | %5sx |\n' "$1" "${cpu[$2]}" "${peak[$2]}" \
        "$3" "${cpu[$4]}" "$(ratio "${cpu[$2]}" "${cpu[$4]}")"
}
printf '%d actions, %d members, %d files, %d bytes of YAML; CPU s a run, best of %d (x%d)\n' \
    "$n" "$members" "${#files[@]}" "$bytes" "$runs" "$reps"
printf '| %-32s | %10s | %11s | %-28s | %10s | %6s |\n' measure cpu peak yardstick cpu ratio
row "import" import "libyaml bare parse" parse
row "import" import "sqlite3 shell, the same rows" floor
row "export" export "import" import
row "queue $member" queue "sqlite3 shell, same SQL" queue_sh
row "queue $member | head -50" qhead "sqlite3 shell | head -50" qhead_sh
row "actions --overdue" overdue "sqlite3 shell, same SQL" overdue_sh
row "actions --overdue | head -50" head "sqlite3 shell | head -50" head_sh
