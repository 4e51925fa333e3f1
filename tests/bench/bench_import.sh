#!/usr/bin/env bash
# Benchmark: import of a generated panel file of 100,000 members and 1,000
# themes, beside libyaml's bare event loop over the same file. Prints both
# times (best of 3) and their ratio; the import should cost at most about
# twice the bare parse.
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

best() { # best CMD...: the best wall time of 3 runs, in seconds
    local b=""
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
    done
    echo "$b"
}

import_once() {
    rm -f "$work/panel.db" "$work/panel.db-wal" "$work/panel.db-shm"
    "$PANELBOARD" --db "$work/panel.db" import "$file"
}

parse=$(best "$BARE_PARSE" "$file")
import=$(best import_once)
ratio=$(echo "scale=2; $import / $parse" | bc)
printf 'file: %d bytes (100000 members, 1000 themes)\n' "$size"
printf 'libyaml event loop alone: %.3f s\n' "$parse"
printf 'panelboard import:        %.3f s (%sx the bare parse)\n' "$import" "$ratio"
