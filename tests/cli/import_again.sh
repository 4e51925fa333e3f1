#!/bin/bash
# A hand-written panel file with id-less actions and feedback can be
# imported twice (yaml-format.md, Keys): the second import finds each row
# by title and meeting, or said and date, and changes nothing.
. "$(dirname "$0")/lib.sh"

cat >"$WORK/hand.yaml" <<'YAML'
panelboard: 1
members:
  - id: thirkill
    name: Cllr Thirkill
    kind: councillor
meetings:
  - id: 2022-10-12
    date: 2022-10-12
actions:
  - title: Write to the DWP
    owners: [thirkill]
    meeting: 2022-10-12
    updates:
      - date: 2022-10-20
        by: thirkill
        text: Letter drafted
  - title: Write to the DWP
    owners: [thirkill]
  - title: Circulate the procedure
    owners: [all]
feedback:
  - said: Nobody told us what happened next.
    date: 2022-05-12
  - said: Nobody told us what happened next.
YAML

pb import "$WORK/hand.yaml"
expect_status 0 "the first import"
first=$("$PANELBOARD" --db "$DB" export)
expect_eq "$(printf '%s\n' "$first" | grep -c 'title: Write to the DWP')" "2" \
    "the same title at a meeting and at none are two actions"
pb import "$WORK/hand.yaml"
expect_status 0 "the second import"
expect_out_has "actions      0 added, 0 updated, 3 unchanged" "the summary says the actions are unchanged"
expect_out_has "feedback     0 added, 0 updated, 2 unchanged" "and the feedback"
expect_out_has "updates      0 added, 0 updated, 1 unchanged" "and the updates"
expect_out_has "nothing changed" "and says nothing changed"
expect_eq "$("$PANELBOARD" --db "$DB" export)" "$first" "the panel is as the first import left it"

# a changed field updates the row it matches
sed 's/owners: \[all\]/owners: [thirkill]/' "$WORK/hand.yaml" >"$WORK/changed.yaml"
pb import "$WORK/changed.yaml"
expect_out_has "actions      0 added, 1 updated, 2 unchanged" "a changed id-less action is updated"

# two rows matching: an error naming both, located at the record
pb --as thirkill add 'Circulate the procedure @thirkill'
pb import "$WORK/hand.yaml"
expect_status 65 "an id-less action that two rows match"
expect_err_has "hand.yaml:" "the error is located in the file"
expect_err_has "error: this action has no id, and actions #3, #4 have its title and meeting" \
    "the matching ids are named"
pb import "$EXAMPLE" "$WORK/hand.yaml" --dry-run
expect_status 65 "nothing is written when one record is ambiguous"

finish
