#!/usr/bin/env bash
# Quick capture with `a`: an @owner prefix completed with Tab, a due date
# in two weeks, saved with Enter; the dashboard says "added #N" and shows the
# row, and the command line finds action N with its owner and due date.
. "$(dirname "$0")/lib.sh"

import_example
start dash 120 40 -- --as thirkill
wait_ready
keys 3
wait_for '6 actions'

keys a
wait_for '│add:'
type_text 'Write to DWP about care leavers @thirk'
wait_for 'add: Write to DWP about care leavers @thirk'
keys Tab
# the completion ends the word with a space, as a shell's does
wait_for 'add: Write to DWP about care leavers @thirkill '
type_text 'due:+2w'
wait_for '@thirkill due:+2w'
keys Enter

wait_line 'added #[0-9]+'
id=$(screen | grep -Eo 'added #[0-9]+' | head -1 | tr -dc 0-9)
expect_eq "$id" 7 "the example's six actions, then the new one"
wait_for '7 actions'
wait_line "│ +$id open +2022-12-15 thirkill +Write to DWP about care"
# the cursor goes to the new action: its detail
wait_for "#$id Write to DWP about care leavers"
expect_screen_has "Cllr Thirkill (thirkill)" "the detail names the owner"

pb actions
expect_eq "$status" 0 "panelboard actions"
expect_has "$out" "#$id    open        2022-12-15          @thirkill  Write to DWP about care leavers" \
    "the command line sees the captured action"
pb actions --format tsv
expect_has "$out" "$id	open	2022-12-15		thirkill	Write to DWP about care leavers" \
    "title, due in two weeks and the completed owner, as saved"

# Esc abandons a capture: nothing is added
keys a
wait_for '│add:'
type_text 'Never saved @thirkill'
wait_for 'add: Never saved'
keys Escape
wait_gone 'add: Never saved'
pb actions
expect_lacks "$out" "Never saved" "Esc adds nothing"
expect_screen_has '7 actions' "still seven actions"

keys q
wait_dead
finish
