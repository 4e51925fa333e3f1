#!/bin/bash
# Every case of the public YAML test suite ($PB_SHARED/yaml-test-suite)
# through `import --dry-run`, as it is and after a `panelboard: 1` line: each must end in exit 0 or 65 within 10
# seconds, never a signal, a hang, another code or a sanitizer report; a
# refusal is a located FILE:LINE:COLUMN: error: line. None of the cases is
# a panel file, and the database must come out as it went in.
. "$(dirname "$0")/lib.sh"

SUITE="${PB_SHARED:-$PB_SOURCE_ROOT/../shared}/yaml-test-suite"
if ! ls "$SUITE"/*.yaml >/dev/null 2>&1; then
    echo "skip: no YAML test suite in $SUITE"
    exit 77
fi

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
"$PANELBOARD" --db "$DB" export >"$WORK/before.yaml"

# run_case NAME FILE: one dry run, its verdict counted and checked
run_case() {
    local name=$1 case=$2
    total=$((total + 1))
    timeout 10 "$PANELBOARD" --db "$DB" import --dry-run "$case" >/dev/null 2>"$WORK/stderr"
    status=$?
    checks=$((checks + 1))
    case $status in
    0) accepted=$((accepted + 1)) ;;
    65)
        refused=$((refused + 1))
        grep -qE '^[^ ]+:[0-9]+:[0-9]+: error: ' "$WORK/stderr" ||
            fail "$name: refused without a FILE:LINE:COLUMN: error: line: $(head -3 "$WORK/stderr")"
        ;;
    124) bad=$((bad + 1)); fail "$name: still running after 10 seconds" ;;
    *)
        bad=$((bad + 1))
        if [ "$status" -gt 128 ]; then
            fail "$name: killed by signal $((status - 128)): $(tail -3 "$WORK/stderr")"
        else
            fail "$name: exit $status, expected 0 or 65: $(head -3 "$WORK/stderr")"
        fi
        ;;
    esac
    checks=$((checks + 1))
    if grep -qE 'runtime error:|Sanitizer|LeakSanitizer' "$WORK/stderr"; then
        fail "$name: sanitizer report: $(grep -m3 -E 'runtime error:|Sanitizer' "$WORK/stderr")"
    fi
}

total=0 accepted=0 refused=0 bad=0
for case in "$SUITE"/*.yaml; do
    run_case "$(basename "$case" .yaml)" "$case"
done
cases=$total
# Again with the panel file's first line put before each case, so that the
# importer reads past the header into the case's own YAML.
for case in "$SUITE"/*.yaml; do
    name=$(basename "$case" .yaml)
    { printf 'panelboard: 1\n'; cat "$case"; } >"$WORK/$name-panel.yaml"
    run_case "$name (after panelboard: 1)" "$WORK/$name-panel.yaml"
    rm -f "$WORK/$name-panel.yaml"
done

"$PANELBOARD" --db "$DB" export >"$WORK/after.yaml"
checks=$((checks + 1))
cmp -s "$WORK/before.yaml" "$WORK/after.yaml" || fail "the dry runs changed the database"

checks=$((checks + 1))
[ "$cases" -ge 300 ] || fail "only $cases cases found in $SUITE (the suite has 402)"

echo "yaml-test-suite: $cases cases, each as it is and after 'panelboard: 1':" \
    "$refused refused (65), $accepted accepted (0), $bad other"
finish
