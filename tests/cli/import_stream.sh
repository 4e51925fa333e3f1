#!/bin/bash
# Actions and feedback are checked and written as the importer reads them,
# one at a time (import.c), after everything else in the files: the order
# of the top-level keys still does not matter, a reference may point
# forward, a file from a pipe (read once) imports as a file does, and a
# bad action anywhere still leaves nothing written.
. "$(dirname "$0")/lib.sh"

cat >"$WORK/backwards.yaml" <<'YAML'
panelboard: 1
feedback:
  - {date: 2022-10-12, said: We were not asked, action: 8}
actions:
  - {id: 7, title: &t Visit the hostel, owners: [knox], theme: housing,
     updates: [{date: 2022-11-01, by: knox, text: Booked}]}
  - {id: 8, title: *t, owners: [knox], meeting: m1}
members:
  - {id: knox, name: Cllr Knox, kind: councillor}
themes:
  - {id: housing, title: Housing, lead: knox}
meetings:
  - {id: m1, date: 2022-10-12, title: Panel}
YAML

pb import "$WORK/backwards.yaml"
expect_status 0 "actions and feedback before the members, themes and meetings they name"
expect_out_has "actions      2 added" "both actions"
expect_out_has "feedback     1 added" "the feedback that names action 8, given later"
from_file=$("$PANELBOARD" --db "$DB" export)

DB="$WORK/piped.db"
pb import /dev/stdin <"$WORK/backwards.yaml"
expect_status 0 "the same file through a pipe"
expect_eq "$("$PANELBOARD" --db "$DB" export)" "$from_file" "a pipe imports as the file does"

DB="$WORK/bad.db"
pb init
sed 's/owners: \[knox\], meeting: m1/owners: [nobody], meeting: m1/' \
    "$WORK/backwards.yaml" >"$WORK/bad.yaml"
pb import "$WORK/bad.yaml"
expect_status 65 "the second action names an unknown member"
expect_err_has "bad.yaml:7:" "the error is at the second action"
expect_err_has "unknown member 'nobody'" "and says what"
pb actions
expect_status 0 "the database is there"
expect_out_lacks "Visit" "the first action, written as it was read, was rolled back"
pb history
expect_out_lacks "import" "and the history has no import"
finish
