#!/bin/bash
# `panelboard history`: newest first, with when, who (--as, else
# $PANELBOARD_AS), what, and each changed row's before and after; --limit.
. "$(dirname "$0")/lib.sh"

# expect_line TEXT ERE DESCRIPTION: some line of TEXT matches ERE
expect_line() {
    checks=$((checks + 1))
    printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: no line matches /$2/ in: $1"
}

# entries TEXT: the head line of each history entry ("#ID ...")
entries() { printf '%s\n' "$1" | grep -E '^#[0-9]+ '; }

# entry TEXT N: the Nth entry listed (1 = first), head line and rows
entry() {
    printf '%s\n' "$1" | awk -v n="$2" '/^#[0-9]+ / { i++ } i == n'
}

# --- an empty database has no history ---
pb init
pb history
expect_status 0 "history of a new database"
expect_eq "$(entries "$out" | wc -l)" 0 "a new database has no history"

# --- two imports by two people on two days ---
PANELBOARD_TODAY=2022-12-01 pb --as chair import "$EXAMPLE"
expect_status 0 "import the example panel as the chair"
sed 's/^    title: Housing$/    title: Housing and homes/' "$EXAMPLE" >"$WORK/renamed.yaml"
checks=$((checks + 1))
cmp -s "$EXAMPLE" "$WORK/renamed.yaml" && fail "the test's edit did not change the file"
PANELBOARD_TODAY=2022-12-02 pb import --as thirkill "$WORK/renamed.yaml"
expect_status 0 "import the renamed theme as thirkill (--as after the command)"

pb history --full
expect_status 0 "history"
expect_eq "$(entries "$out" | wc -l)" 2 "two imports are two entries"
first=$(entry "$out" 1)
second=$(entry "$out" 2)
login=$(id -un 2>/dev/null || echo "uid $(id -u)")
today=$(date -u +%Y-%m-%d)
expect_line "$first" "^#[0-9]+  [0-9-]+ [0-9:]+\\.[0-9]{6}  thirkill \\(login $login\\)  .*renamed\\.yaml" \
    "the newest entry comes first: when (to the microsecond), who, the login, what"
expect_line "$second" "^#[0-9]+ .*chair \\(login $login\\) .*example-panel\\.yaml" \
    "the older entry comes second, by the chair"
# a pinned day is the panel's today, never the history's clock
expect_line "$first" "^#[0-9]+  ($today|$(date -u -d '-1 min' +%Y-%m-%d)) " \
    "PANELBOARD_TODAY does not rewrite when the change was made"
checks=$((checks + 1))
printf '%s\n' "$first$second" | grep -q ' 00:00:00' && fail "the history's clock is pinned to midnight"
id1=$(entries "$out" | sed -n '1s/^#\([0-9]*\).*/\1/p')
id2=$(entries "$out" | sed -n '2s/^#\([0-9]*\).*/\1/p')
checks=$((checks + 1))
[ "${id1:-0}" -gt "${id2:-0}" ] || fail "entries are not newest first: #$id1 then #$id2"
# the changed theme, before and after
expect_line "$first" 'before:.*Housing' "the change shows the theme before"
checks=$((checks + 1))
printf '%s\n' "$first" | grep -E 'before:' | grep -q 'Housing and homes' &&
    fail "the 'before' already has the new title: $first"
expect_line "$first" 'after:.*Housing and homes' "the change shows the theme after"
expect_line "$first" '^ +changed themes housing$' "a changed row is named by its id"
expect_line "$second" '^ +added actions #1$' "an action is named by its number"
checks=$((checks + 1))
printf '%s\n' "$first" | grep -q 'Education (schools)' &&
    fail "the second import's entry lists rows it did not change: $first"
# the first import added rows: an after with no before
expect_line "$second" 'after:.*Cllr Thirkill' "the first import's entry shows the rows it added"

# --- one line a change, the rows in brief; --full for the images ---
pb history --limit 2
expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "without --full, one line a change"
expect_out_has "~themes housing" "the brief line names the row it changed"
expect_out_has "more rows" "an import's rows are counted, not listed"
expect_out_lacks "before:" "the images only with --full"
pb history --full --limit 1
expect_out_has "before:" "--full shows the images"

# --- --limit ---
pb history --limit 1
expect_status 0 "history --limit 1"
expect_eq "$(entries "$out" | wc -l)" 1 "--limit 1 shows one entry"
expect_line "$out" '^#[0-9]+ .*thirkill' "--limit 1 shows the newest"
pb history --limit=1
expect_eq "$(entries "$out" | wc -l)" 1 "--limit=1 is --limit 1"
pb history --limit x
expect_status 64 "--limit with a word"
pb history --limit -3
expect_status 64 "--limit with a negative number"

# --- who: $PANELBOARD_AS, and --as before it ---
sed 's/^    title: Leisure$/    title: Leisure and sport/' "$EXAMPLE" >"$WORK/leisure.yaml"
PANELBOARD_AS=dunbar pb import "$WORK/leisure.yaml"
expect_status 0 "import with PANELBOARD_AS"
pb history --limit 1
expect_line "$out" '^#[0-9]+ .*dunbar.*leisure\.yaml' "PANELBOARD_AS is recorded as who"
PANELBOARD_AS=dunbar pb --as knox import "$WORK/renamed.yaml"
expect_status 0 "import with both --as and PANELBOARD_AS"
pb history --limit 1
expect_line "$out" '^#[0-9]+ .*knox' "--as comes before PANELBOARD_AS"
checks=$((checks + 1))
entries "$out" | grep -q dunbar && fail "PANELBOARD_AS was used although --as was given: $out"

# --- what is not a change is not history ---
pb history --limit 0
before=$(entries "$out" | wc -l)
expect_eq "$before" 4 "--limit 0 lists all four entries"
pb import "$WORK/renamed.yaml"
pb import --dry-run "$WORK/leisure.yaml"
printf 'panelboard: 1\nmembers:\n  - id: x\n    kind: nobody\n' >"$WORK/bad.yaml"
pb import "$WORK/bad.yaml"
expect_status 65 "a bad file is refused"
pb history --limit 0
expect_eq "$(entries "$out" | wc -l)" "$before" \
    "an unchanged re-import, a dry run and a refused import add no entry"

# the login is the process's, not $USER's
USER=chair LOGNAME=chair pb --as chair status 1 done
pb history --limit 1
expect_line "$out" "chair \\(login $login\\)" "the login comes from the user id, not \$USER"

finish
