#!/usr/bin/env bash
# Run by hand: the same generated actions loaded into taskwarrior (the
# Debian package `taskwarrior`, with its own TASKDATA and TASKRC in a
# temporary folder, so that nobody's tasks are touched) and into
# panelboard, then one member's list in each timed side by side: `task
# '( +OWNER or +all )' list` beside `panelboard queue OWNER`, the same
# actions (OWNER leads no theme, so the queue is theirs and everyone's).
# CPU time (user + system), the best of 3; prints the ratio at each N.
#
#     tests/bench/compare-taskwarrior.sh [BUILD_DIR] [N...]   (default: build 1000 100000)
set -eu
build=${1:-build}
shift || true
sizes=("${@:-1000 100000}")
read -r -a sizes <<<"${sizes[*]}"
pb="$build/src/cli/panelboard"
gen="$build/tests/bench/gen_panel"
command -v task >/dev/null || { echo "needs taskwarrior: apt-get install taskwarrior" >&2; exit 77; }
[ -x "$pb" ] && [ -x "$gen" ] || { echo "build first: ninja -C $build" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/pb-tw-XXXXXX")
trap 'rm -rf "$work"' EXIT
export PANELBOARD_TODAY=2024-01-01 TASKDATA="$work/task" TASKRC="$work/taskrc"
owner=m00030 # the theme leads are m00000 to m00011

cpu() { # cpu CMD...: CPU seconds of one run
    local TIMEFORMAT='%3U %3S' t
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1)
    echo "$t" | awk '{ printf "%.3f\n", $1 + $2 }'
}
best() { # best CMD...: the lowest of 3 runs
    local b="" t
    for _ in 1 2 3; do
        t=$(cpu "$@")
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
    done
    echo "$b"
}

printf '| %9s | %-22s | %8s | %-24s | %8s | %6s |\n' actions panelboard cpu taskwarrior cpu ratio
for n in "${sizes[@]}"; do
    rm -rf "$work/task" "$work"/panel* && mkdir -p "$work/task"
    printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\n' \
        "$work/task" >"$TASKRC"
    members=$((n / 250 > 40 ? n / 250 : 40))
    mapfile -t files < <("$gen" -n "$n" -m "$members" -s 1 -o "$work/panel")
    "$pb" --db "$work/panel.db" import "${files[@]}" >/dev/null
    # every action as a task: its owners as tags, its theme as the project
    "$pb" --db "$work/panel.db" actions --format tsv | awk -F'\t' '
        function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
        NR > 1 {
            st = $2 == "done" ? "completed" : $2 == "dropped" ? "deleted" : "pending"
            split($5, owners, ",")
            tags = ""
            for (i in owners) tags = tags (tags == "" ? "" : ",") "\"" owners[i] "\""
            due = $3 == "" ? "" : ",\"due\":\"" substr($3, 1, 4) substr($3, 6, 2) substr($3, 9, 2) "T000000Z\""
            end = st == "pending" ? "" : ",\"end\":\"20240101T000000Z\""
            printf "{\"description\":\"%s\",\"status\":\"%s\",\"entry\":\"20230101T000000Z\"%s%s,\"project\":\"%s\",\"tags\":[%s]}\n",
                esc($6), st, due, end, $4, tags
        }' >"$work/tasks.json"
    task import "$work/tasks.json" >/dev/null 2>&1
    t_pb=$(best "$pb" --db "$work/panel.db" queue "$owner")
    t_tw=$(best task "( +$owner or +all )" list)
    printf '| %9d | %-22s | %6s s | %-24s | %6s s | %5sx |\n' "$n" "queue $owner" "$t_pb" \
        "task +$owner/+all list" "$t_tw" "$(echo "scale=1; $t_tw / ($t_pb + 0.0005)" | bc)"
done
