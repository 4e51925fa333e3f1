#!/bin/bash
# `panelboard --demo`: the bundled example panel in a temporary database,
# from any folder, leaving nothing behind and touching no real database.
. "$(dirname "$0")/lib.sh"

export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
export PANELBOARD_DB="$WORK/real/panel.db" # --demo must not touch it

# demo ARGS...: run panelboard --demo ARGS from /; sets $out, $err, $status
demo() {
    out=$(cd / && "$PANELBOARD" --demo "$@" 2>"$WORK/stderr")
    status=$?
    err=$(cat "$WORK/stderr")
}

# expect_no_leftovers DESCRIPTION
expect_no_leftovers() {
    checks=$((checks + 1))
    local left
    left=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'panelboard-demo-*' | head -3)
    [ -z "$left" ] || fail "$1: left behind in \$TMPDIR: $left"
}

panel_name=$(awk '/^panel:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^  name: / { sub(/^  name: /, ""); print; exit }' "$EXAMPLE")
expect_eq "$panel_name" "Corporate Parenting Panel" "the example panel's name, read from data/"

demo export --format md
expect_status 0 "--demo export --format md from /"
expect_out_has "# $panel_name" "the demo report is headed by the panel's name"
expect_out_has "City of Bradford Metropolitan District Council" "the demo report names the authority"
expect_out_has "Youth Justice" "the demo report has the themes"
expect_no_leftovers "--demo export"

# the bundled panel is data/example-panel.yaml
(cd / && "$PANELBOARD" --demo export >"$WORK/demo.yaml")
status=$?
expect_status 0 "--demo export (yaml)"
pb import "$EXAMPLE"
expect_status 0 "import data/example-panel.yaml into a database of our own"
"$PANELBOARD" --db "$DB" export >"$WORK/example.yaml"
checks=$((checks + 1))
cmp -s "$WORK/demo.yaml" "$WORK/example.yaml" ||
    fail "the demo panel differs from data/example-panel.yaml: $(diff "$WORK/demo.yaml" "$WORK/example.yaml" | head -10)"
expect_no_leftovers "--demo export yaml"

# each run starts fresh: a change made in one demo is gone in the next
printf 'panelboard: 1\nmembers:\n  - id: visitor\n    name: A Visitor\n    kind: adviser\n' >"$WORK/visitor.yaml"
demo import "$WORK/visitor.yaml"
expect_status 0 "--demo import"
demo export
expect_out_lacks "A Visitor" "a demo's change does not outlive it"

# a failing command cleans up too
demo import "$WORK/no-such-file.yaml"
expect_status 66 "--demo import of a missing file"
expect_no_leftovers "a failed --demo command"

demo check
expect_status 0 "--demo check"
expect_no_leftovers "--demo check"

checks=$((checks + 1))
[ -e "$WORK/real" ] && fail "--demo created the database PANELBOARD_DB names"
checks=$((checks + 1))
[ -e "$XDG_DATA_HOME/panelboard" ] && fail "--demo created the default database"

finish
