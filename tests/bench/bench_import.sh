#!/usr/bin/env bash
# Benchmark: import of a generated panel file of 100,000 members and 1,000
# themes, beside libyaml's bare event loop over the same file. Prints both
# times and their ratio; the import should cost at most about twice the bare
# parse. The times are user CPU time, the best of 5 runs taken in turns:
# wall time is mostly other people's work on a shared machine.
set -eu
: "${PANELBOARD:?}" "${BARE_PARSE:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/pb-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
file="$work/big.yaml"
awk 'BEGIN {
    print "panelboard: 1"
    print "members:"
    for (i = 0; i < 100000; i++) {
        printf "  - id: m%06d\n    name: Member %d O\x27Brien\n    kind: %s\n", i, i, (i % 3 ? "officer" : "councillor")
        printf "    email: m%d@example.org\n    joined: 2022-09-%02d\n", i, i % 28 + 1
    }
    print "themes:"
    for (i = 0; i < 1000; i++) {
        printf "  - id: t%04d\n    title: Theme %d\n    lead: m%06d\n    subgroup: [m%06d, m%06d]\n", i, i, i, i, i + 1
        printf "    thoughts: |\n      Initial thoughts on theme %d,\n      over two lines.\n", i
    }
}' > "$file"
size=$(stat -c %s "$file")

# user CMD...: the user CPU time of one run of CMD, in seconds
user() {
    local TIMEFORMAT=%3U
    { time "$@" >/dev/null 2>&1; } 2>&1
}

import_once() {
    rm -f "$work/panel.db" "$work/panel.db-wal" "$work/panel.db-shm"
    "$PANELBOARD" --db "$work/panel.db" import "$file"
}

lower() { # lower A B: the smaller of two times, or B when A is empty
    if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi
}

parse="" import=""
for _ in 1 2 3 4 5; do
    parse=$(lower "$parse" "$(user "$BARE_PARSE" "$file")")
    import=$(lower "$import" "$(user import_once)")
done
import_once >/dev/null || { echo "the import failed" >&2; exit 1; }
ratio=$(echo "scale=1; $import / $parse" | bc)
printf 'file: %d bytes (100000 members, 1000 themes)\n' "$size"
printf 'libyaml event loop alone: %.3f s user\n' "$parse"
printf 'panelboard import:        %.3f s user (%sx the bare parse)\n' "$import" "$ratio"
