#!/bin/bash
# Hostile input: every file of the shared hostile corpus ($PB_HOSTILE_DIR),
# the large ones its gen.sh makes, and the panel-shaped ones of
# tests/data/hostile/, each refused with exit 65 and a located error, in
# seconds and bounded memory, never a crash, and the database as it was.
. "$(dirname "$0")/lib.sh"

HOSTILE="${PB_HOSTILE_DIR:-}"
OWN="$PB_SOURCE_ROOT/tests/data/hostile"

# Memory: max RSS of one import, where /usr/bin/time can tell; a sanitized
# build carries its shadow memory, so it gets more room.
max_rss_kb=$((300 * 1024))
if grep -q __asan_init "$PANELBOARD" 2>/dev/null; then
    max_rss_kb=$((1024 * 1024))
fi
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    measure='time'
elif ! grep -q __asan_init "$PANELBOARD" 2>/dev/null; then
    measure='ulimit' # no RSS figure: cap the address space at 1 GiB instead
else
    measure='none'
    echo "note: no /usr/bin/time and a sanitized build: memory is not measured"
fi

# refuse FILE SECONDS: import FILE under a timeout (and the memory check);
# sets $status, $err, $rss_kb (0 when not measured)
refuse() {
    rss_kb=0
    case $measure in
    time)
        /usr/bin/time -f %M -o "$WORK/rss" timeout "$2" \
            "$PANELBOARD" --db "$DB" import "$1" >/dev/null 2>"$WORK/stderr"
        status=$?
        rss_kb=$(tail -1 "$WORK/rss")
        case $rss_kb in '' | *[!0-9]*) rss_kb=0 ;; esac
        ;;
    ulimit)
        (ulimit -v $((1024 * 1024)) &&
            exec timeout "$2" "$PANELBOARD" --db "$DB" import "$1") >/dev/null 2>"$WORK/stderr"
        status=$?
        ;;
    *)
        timeout "$2" "$PANELBOARD" --db "$DB" import "$1" >/dev/null 2>"$WORK/stderr"
        status=$?
        ;;
    esac
    err=$(cat "$WORK/stderr")
}

# expect_refused NAME: exit 65, in time, no sanitizer report, memory bounded
expect_refused() {
    checks=$((checks + 1))
    case $status in
    65) ;;
    124) fail "$1: still running at the timeout" ;;
    *) if [ "$status" -gt 128 ]; then
           fail "$1: killed by signal $((status - 128)): $(printf '%s' "$err" | tail -3)"
       else
           fail "$1: exit $status, expected 65: $(printf '%s' "$err" | head -3)"
       fi ;;
    esac
    checks=$((checks + 1))
    case $err in *"runtime error:"* | *Sanitizer*) fail "$1: sanitizer report: $(printf '%s' "$err" | head -5)" ;; esac
    checks=$((checks + 1))
    [ "$rss_kb" -le "$max_rss_kb" ] || fail "$1: used $((rss_kb / 1024)) MB, more than $((max_rss_kb / 1024)) MB"
}

# expect_located NAME: a FILE:LINE:COLUMN: error: line names the file
expect_located() {
    checks=$((checks + 1))
    printf '%s\n' "$err" | grep -qE "^[^ ]*$1:[0-9]+:[0-9]+: error: " ||
        fail "$1: no located FILE:LINE:COLUMN: error: line: $(printf '%s' "$err" | head -3)"
}

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
"$PANELBOARD" --db "$DB" export >"$WORK/before.yaml"

# --- the panel-shaped hostile files of tests/data/hostile ---
# FILE  LINE (an ERE)  what the message must say (an ERE)
expectations='
alias-cycle.yaml              7           alias
billion-laughs-members.yaml   ([89]|1[0-6])  alias
control-escape-esc.yaml       5           control character
control-escape-nel.yaml       5           control character
control-escape-nul.yaml       5           control character
duplicate-key-in-member.yaml  7           duplicate key|given twice
key-is-sequence.yaml          7           key.*(plain scalar|sequence)
merge-key.yaml                5           merge key
nesting-100.yaml              7           nesting|deep
tag-python-object.yaml        5           tag
two-documents.yaml            7           document
'
own=0
for file in "$OWN"/*.yaml; do
    [ -e "$file" ] || break
    name=$(basename "$file")
    own=$((own + 1))
    checks=$((checks + 1))
    head -1 "$file" | grep -qx 'panelboard: 1' || fail "$name does not start with 'panelboard: 1'"
    line=$(printf '%s\n' "$expectations" | awk -v f="$name" '$1 == f { print $2 }')
    says=$(printf '%s\n' "$expectations" | awk -v f="$name" '$1 == f { $1 = ""; $2 = ""; sub(/^ +/, ""); print }')
    checks=$((checks + 1))
    if [ -z "$line" ]; then
        fail "$name: no expectation for it in hostile.sh"
        continue
    fi
    refuse "$file" 10
    expect_refused "$name"
    checks=$((checks + 1))
    printf '%s\n' "$err" | grep -qE "^$file:$line:[0-9]+: error: .*($says)" ||
        fail "$name: expected an error at line /$line/ saying /$says/, got: $err"
done
expect_eq "$own" 11 "tests/data/hostile holds the eleven panel-shaped hostile files"

# --- the shared corpus, as stored ---
if [ -n "$HOSTILE" ] && ls "$HOSTILE"/*.yaml >/dev/null 2>&1; then
    stored=0
    for file in "$HOSTILE"/*.yaml; do
        name=$(basename "$file")
        stored=$((stored + 1))
        refuse "$file" 10
        expect_refused "$name"
        expect_located "$name"
    done
    # Again after a first line `panelboard: 1`, so that the importer goes on
    # into the hostile part: still never a crash, a hang or another code.
    for file in "$HOSTILE"/*.yaml; do
        name=$(basename "$file" .yaml)
        { printf 'panelboard: 1\n'; cat "$file"; } >"$WORK/$name-panel.yaml"
        refuse "$WORK/$name-panel.yaml" 10
        if [ "$status" -eq 0 ]; then
            status=65 # a harmless file may become a valid one: fine
        fi
        expect_refused "$name (after panelboard: 1)"
        rm -f "$WORK/$name-panel.yaml"
    done
    echo "hostile corpus: $stored stored files refused"
else
    echo "note: no hostile corpus in '${HOSTILE}': skipped"
fi

# --- the large files gen.sh makes (~215 MB, deleted afterwards) ---
if [ -n "$HOSTILE" ] && [ -f "$HOSTILE/gen.sh" ]; then
    free_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
    if [ "${free_kb:-0}" -lt $((400 * 1024)) ]; then
        echo "note: less than 400 MB free under $WORK: the generated files are skipped"
    else
        gen="$WORK/generated"
        checks=$((checks + 1))
        sh "$HOSTILE/gen.sh" "$gen" >/dev/null 2>"$WORK/gen.err" ||
            fail "gen.sh failed: $(cat "$WORK/gen.err")"
        generated=0
        for file in "$gen"/gen-*.yaml; do
            [ -e "$file" ] || break
            name=$(basename "$file")
            generated=$((generated + 1))
            start=$(date +%s)
            refuse "$file" 20
            expect_refused "$name"
            echo "  $name: exit $status in $(($(date +%s) - start)) s, $((rss_kb / 1024)) MB"
        done
        rm -rf "$gen"
        checks=$((checks + 1))
        [ "$generated" -ge 13 ] || fail "gen.sh made $generated files, expected 13"
    fi
else
    echo "note: no gen.sh in '${HOSTILE}': the generated files are skipped"
fi

# --- and the database is as it was ---
"$PANELBOARD" --db "$DB" export >"$WORK/after.yaml"
checks=$((checks + 1))
cmp -s "$WORK/before.yaml" "$WORK/after.yaml" ||
    fail "refused imports changed the database: $(diff "$WORK/before.yaml" "$WORK/after.yaml" | head -10)"
pb check
expect_status 0 "the database is sound after all the hostile files"

finish
