# Shared by the command-line tests: each test script sources this, runs the
# real binary ($PANELBOARD) on temporary databases, and ends with `finish`.
# A failed check prints what was expected and what came, and the script
# exits 1 at the end.
set -u
: "${PANELBOARD:?set PANELBOARD to the binary}"
: "${PB_SOURCE_ROOT:?set PB_SOURCE_ROOT to the source tree}"
export PANELBOARD_TODAY="${PANELBOARD_TODAY:-2022-12-01}"
unset PANELBOARD_DB PANELBOARD_AS

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pb-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg"
DB="$WORK/panel.db"
EXAMPLE="$PB_SOURCE_ROOT/data/example-panel.yaml"
failures=0
checks=0

# pb ARGS...: run panelboard on $DB; sets $out, $err, $status.
pb() {
    out=$("$PANELBOARD" --db "$DB" "$@" 2>"$WORK/stderr")
    status=$?
    err=$(cat "$WORK/stderr")
}

fail() {
    failures=$((failures + 1))
    printf 'FAIL: %s\n' "$*" >&2
}

# expect_status N DESCRIPTION
expect_status() {
    checks=$((checks + 1))
    [ "$status" -eq "$1" ] || fail "$2: exit $status, expected $1 (stderr: $err)"
}

# expect_out_has TEXT DESCRIPTION / expect_err_has TEXT DESCRIPTION
expect_out_has() {
    checks=$((checks + 1))
    case "$out" in *"$1"*) ;; *) fail "$2: stdout lacks '$1'; got: $out" ;; esac
}
expect_err_has() {
    checks=$((checks + 1))
    case "$err" in *"$1"*) ;; *) fail "$2: stderr lacks '$1'; got: $err" ;; esac
}
expect_out_lacks() {
    checks=$((checks + 1))
    case "$out" in *"$1"*) fail "$2: stdout has '$1'; got: $out" ;; esac
}

# expect_eq GOT WANT DESCRIPTION
expect_eq() {
    checks=$((checks + 1))
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

finish() {
    if [ "$failures" -gt 0 ]; then
        printf '%s: %d of %d checks failed\n' "$(basename "$0")" "$failures" "$checks" >&2
        exit 1
    fi
    printf '%s: %d checks passed\n' "$(basename "$0")" "$checks"
    exit 0
}
