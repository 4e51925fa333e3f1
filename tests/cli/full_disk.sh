#!/bin/bash
# A full disk (a small tmpfs, where this machine lets the test mount one):
# a clear one-line error with exit 74, the database intact, and nothing
# half-made left behind. Skipped (77) where tmpfs cannot be mounted.
. "$(dirname "$0")/lib.sh"

FULL="$WORK/full"
mkdir -p "$FULL"
if ! mount -t tmpfs -o size=1m tmpfs "$FULL" 2>/dev/null; then
    echo "cannot mount a small tmpfs here (not root?): skipped"
    exit 77
fi
trap 'umount "$FULL" 2>/dev/null; rm -rf "$WORK"' EXIT

big="$WORK/big.yaml"
awk 'BEGIN {
    print "panelboard: 1"
    print "members:"
    for (i = 0; i < 20000; i++)
        printf "  - id: m%05d\n    name: Member %d\n    kind: officer\n", i, i
}' >"$big"

DB="$FULL/panel.db"
pb import "$EXAMPLE"
expect_status 0 "import the example panel onto the small disk"
members=$(sqlite3 "$DB" "SELECT count(*) FROM members" 2>/dev/null || echo 19)

pb import "$big"
expect_status 74 "an import that fills the disk"
expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line of error"
expect_err_has "nothing was written" "the error says nothing was written"
checks=$((checks + 1))
case "$err" in *big.yaml:*) fail "a full disk is reported as a fault in the file: $err" ;; esac
pb check
expect_status 0 "the database is intact after the full disk"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM members" 2>/dev/null || echo "$members")" "$members" \
    "no member of the big file landed"

# fill what is left, then init a new database in new folders
head -c 2000000 /dev/zero >"$FULL/filler" 2>/dev/null
DB="$FULL/new/folders/panel.db"
pb init
expect_status 73 "init on a full disk"
expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line of error"
checks=$((checks + 1))
[ -e "$FULL/new" ] && fail "init on a full disk left its folders behind: $(find "$FULL/new")"

finish
