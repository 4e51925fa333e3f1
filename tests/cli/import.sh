#!/bin/bash
# `panelboard import`: the summary, re-import idempotence, --dry-run, the
# located error lines, the 50-error cap and the all-or-nothing rule, through
# the real binary. Every refused import must leave the database as it was.
. "$(dirname "$0")/lib.sh"

# snapshot NAME: the YAML export of $DB, byte for byte, into $WORK/NAME
snapshot() {
    "$PANELBOARD" --db "$DB" export >"$WORK/$1" 2>"$WORK/snapshot.err" ||
        fail "export for snapshot $1 failed: $(cat "$WORK/snapshot.err")"
}

# expect_same_file A B DESCRIPTION
expect_same_file() {
    checks=$((checks + 1))
    cmp -s "$WORK/$1" "$WORK/$2" ||
        fail "$3: $1 and $2 differ: $(diff "$WORK/$1" "$WORK/$2" | head -10)"
}

# expect_line TEXT ERE DESCRIPTION: some line of TEXT matches ERE
expect_line() {
    checks=$((checks + 1))
    printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: no line matches /$2/ in: $1"
}

# history_count: how many entries `history --limit 0` lists
history_count() {
    "$PANELBOARD" --db "$DB" history --limit 0 2>/dev/null | grep -cE '^#[0-9]+ '
}

# error_lines TEXT: the FILE:LINE:COLUMN: error: lines of TEXT
error_lines() {
    printf '%s\n' "$1" | grep -E '^[^ ]+:[0-9]+:[0-9]+: error: '
}

# How many records of each kind the example panel has: "members 19" ...
kind_counts() {
    awk '/^[a-z-]+:/ { kind = $1; sub(/:$/, "", kind) }
         /^  - id:/ { n[kind]++ }
         END { for (k in n) print k, n[k] }' "$1"
}

# --- the example panel imports, with a summary line per kind ---
pb import "$EXAMPLE"
expect_status 0 "import the example panel"
expect_line "$out" '^panel +1 added, 0 updated, 0 unchanged' "the summary counts the panel"
kinds_seen=0
while read -r kind n; do
    kinds_seen=$((kinds_seen + 1))
    expect_line "$out" "^$kind +$n added, 0 updated, 0 unchanged\$" \
        "the summary says $n $kind added"
done < <(kind_counts "$EXAMPLE")
expect_eq "$kinds_seen" 7 "the example panel has all seven kinds with ids"
expect_out_lacks "dry run" "a real import does not call itself a dry run"
expect_eq "$(history_count)" 1 "an import is one history entry"
snapshot after-first

# --- the same file again: nothing changes, and it says so ---
pb import "$EXAMPLE"
expect_status 0 "import the example panel again"
expect_out_has "nothing changed" "re-import says nothing changed"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -E ' added, ' | grep -vqE ' 0 added, 0 updated, ' &&
    fail "re-import reports something added or updated: $out"
expect_line "$out" '^members +0 added, 0 updated, 19 unchanged' "re-import counts members unchanged"
expect_eq "$(history_count)" 1 "re-import adds no history entry"
snapshot after-second
expect_same_file after-first after-second "re-import leaves the panel as it was"

# --- --dry-run reports the work and writes nothing ---
sed 's/^    title: Housing$/    title: Housing and homes/' "$EXAMPLE" >"$WORK/renamed.yaml"
pb import --dry-run "$WORK/renamed.yaml"
expect_status 0 "a dry run of a changed file"
expect_line "$out" '^themes +0 added, 1 updated, 6 unchanged' "the dry run counts the theme it would update"
expect_out_has "dry run" "the dry run says it is one"
snapshot after-dry-run
expect_same_file after-first after-dry-run "a dry run writes nothing"
expect_eq "$(history_count)" 1 "a dry run adds no history entry"

saved_db=$DB
DB="$WORK/empty-for-dry-run.db"
pb init
snapshot empty-before
pb import "$EXAMPLE" --dry-run
expect_status 0 "a dry run into an empty database (option after the file)"
expect_line "$out" '^members +19 added' "the dry run counts what it would add"
snapshot empty-after
expect_same_file empty-before empty-after "a dry run into an empty database leaves it empty"
expect_eq "$(history_count)" 0 "a dry run into an empty database records no history"
DB=$saved_db

# --- files that cannot be read: exit 66 ---
pb import "$WORK/no-such-file.yaml"
expect_status 66 "a missing file"
expect_err_has "no-such-file.yaml" "the missing file is named"
pb import "$WORK"
expect_status 66 "a folder given as a panel file"
pb import "$EXAMPLE" "$WORK/no-such-file.yaml"
expect_status 66 "a good file then a missing one"
if [ "$(id -u)" -ne 0 ]; then
    cp "$EXAMPLE" "$WORK/unreadable.yaml"
    chmod 000 "$WORK/unreadable.yaml"
    pb import "$WORK/unreadable.yaml"
    expect_status 66 "a file without read permission"
else
    echo "note: running as root, so the permission-denied case is skipped"
fi

# --- usage errors: exit 64 ---
pb import
expect_status 64 "import with no file"
pb import --force "$EXAMPLE"
expect_status 64 "import with an unknown option"
expect_err_has "--force" "the unknown option is named"

# --- validation errors: FILE:LINE:COLUMN: error: MESSAGE, exit 65 ---
cat >"$WORK/typo.yaml" <<'EOF'
panelboard: 1
members:
  - id: newbie
    name: Cllr Newbie
    kind: councillor
    organization: Pen-y-Bryn
EOF
pb import "$WORK/typo.yaml"
expect_status 65 "a file with an unknown key"
expect_line "$err" "^$WORK/typo.yaml:6:5: error: unknown key 'organization', did you mean 'organisation'\\?\$" \
    "the unknown key is located and the nearest key suggested"

# One file, one problem of each common kind, each at its own line and column.
cat >"$WORK/many-kinds.yaml" <<'EOF'
panelboard: 1
members:
  - id: one
    name: Cllr One
    kind: councilor
    joined: 2023-02-29
  - id: two
    name: Cllr Two
    kind: officer
    voting: yes
  - id: one
    name: Cllr One Again
    kind: officer
  - id: three
    kind: officer
themes:
  - id: housing
    title: Housing
    lead: thirkil
EOF
pb import "$WORK/many-kinds.yaml"
expect_status 65 "a file with several kinds of problem"
f="$WORK/many-kinds.yaml"
expect_line "$err" "^$f:5:11: error: .*councillor" "an unknown kind names the nearest"
expect_line "$err" "^$f:6:13: error: .*2023-02-29" "a date that does not exist is located"
expect_line "$err" "^$f:10:13: error: .*(true|false)" "voting: yes is refused, pointing at true/false"
expect_line "$err" "^$f:11:9: error: .*one" "the same id twice is located at the second"
expect_line "$err" "^$f:14:5: error: .*name" "a member without a name is located"
expect_line "$err" "^$f:19:11: error: .*thirkill" "an unknown lead names the nearest member"
expect_eq "$(error_lines "$err" | wc -l)" 6 "each problem is reported once"
snapshot after-errors
expect_same_file after-first after-errors "a refused import leaves the database as it was"

# --- all or nothing: a good file and a bad one import nothing ---
cat >"$WORK/good.yaml" <<'EOF'
panelboard: 1
members:
  - id: newbie
    name: Cllr Newbie
    kind: councillor
themes:
  - id: transport
    title: Transport
    lead: newbie
EOF
pb import --dry-run "$WORK/good.yaml"
expect_status 0 "the good file is good on its own"
pb import "$WORK/good.yaml" "$WORK/typo.yaml"
expect_status 65 "a good file then a bad file"
expect_err_has "typo.yaml:6:5: error:" "the bad file's problem is reported"
snapshot after-good-bad
expect_same_file after-first after-good-bad "nothing from the good file lands when the second is bad"
checks=$((checks + 1))
grep -q 'newbie' "$WORK/after-good-bad" && fail "the good file's member is in the database"
pb import "$WORK/typo.yaml" "$WORK/good.yaml"
expect_status 65 "a bad file then a good file"
snapshot after-bad-good
expect_same_file after-first after-bad-good "nothing lands when the first file is bad"
expect_eq "$(history_count)" 1 "refused imports add no history entry"

# --- up to 50 errors, then stop ---
awk 'BEGIN { print "panelboard: 1"; print "members:"
    for (i = 1; i <= 60; i++)
        printf "  - id: m%d\n    name: Member %d\n    kind: officer\n    organization: Org %d\n", i, i, i }' \
    >"$WORK/sixty.yaml"
pb import "$WORK/sixty.yaml"
expect_status 65 "a file with 60 errors"
expect_eq "$(error_lines "$err" | wc -l)" 50 "the first 50 errors are reported"
expect_eq "$(error_lines "$err" | head -1 | cut -d: -f2,3)" "6:5" "the first error is the first unknown key"
expect_eq "$(error_lines "$err" | tail -1 | cut -d: -f2,3)" "202:5" "the 50th error is the 50th unknown key"
snapshot after-sixty
expect_same_file after-first after-sixty "60 errors write nothing"

# --- ordinary YAML that must be accepted: BOM, CRLF, comments, flow style ---
printf '\357\273\277panelboard: 1\r\n# a comment\r\nmembers:\r\n  - {id: crlf, name: "Cllr CR LF", kind: officer}\r\n' \
    >"$WORK/bom-crlf.yaml"
pb import "$WORK/bom-crlf.yaml"
expect_status 0 "a file with a byte-order mark and CRLF line ends"
snapshot after-crlf
checks=$((checks + 1))
grep -q 'Cllr CR LF' "$WORK/after-crlf" || fail "the CRLF file's member is not in the export"
checks=$((checks + 1))
grep -q $'\r' "$WORK/after-crlf" && fail "a CR from the file reached the export"

# --- size: a panel of 20,000 members is a real (large) panel, not an attack.
# The 100,000-node limit of the spec is on alias expansion, not on the file.
awk 'BEGIN { print "panelboard: 1"; print "members:"
    for (i = 1; i <= 20000; i++)
        printf "  - id: m%05d\n    name: Member %d\n    kind: officer\n", i, i }' >"$WORK/big.yaml"
pb import --dry-run "$WORK/big.yaml"
expect_status 0 "a dry run of 20,000 members"
expect_line "$out" '^members +20000 added' "all 20,000 members are counted"

# --- a dry run against a database that does not exist yet creates nothing ---
DB="$WORK/dry/new.db"
pb import --dry-run "$EXAMPLE"
expect_status 0 "a dry run into a database that does not exist"
expect_out_has "dry run: nothing was written" "the dry run says so"
checks=$((checks + 1))
[ -e "$WORK/dry" ] && fail "a dry run created the database or its folder"

# --- --as is checked against the members once there are any ---
DB="$WORK/as.db"
pb --as thirkill import "$EXAMPLE"
expect_status 0 "the first import, by a member the file itself adds"
pb --as thirkil import "$EXAMPLE"
expect_status 65 "an import by a mistyped member"
expect_err_has "did you mean 'thirkill'?" "the mistyped --as gets the nearest id"

finish
