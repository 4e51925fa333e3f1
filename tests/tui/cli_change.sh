#!/usr/bin/env bash
# What the command line saves (`panelboard add`, `done`, `note`) shows in an
# open dashboard within a second or two, with its cursor kept where it was.
. "$(dirname "$0")/lib.sh"

LIVE=5

import_example
start dash 120 40 -- --as thirkill
wait_ready
keys 3
wait_for '6 actions · 6 open · 4 overdue'
keys j
wait_for '#2 Identify the major issues'

pb --as thirkill add 'Ask housing about staying put @thirkill #housing due:+1w'
expect_status 0 "panelboard add"
expect_eq "$out" 7 "add prints the new id"
wait_for '7 actions · 7 open · 4 overdue' "$LIVE"
wait_line '│ +7 open +2022-12-08 thirkill +housing +Ask housing about stay' "$LIVE"
expect_eq "$(detail_first_line)" "#2 Identify the major issues expected" \
    "the cursor stays on action 2"

# the themes pane counts it too
keys 1
wait_line '│ +Housing +Cllr Thirkill +1 +0 +0 ' "$LIVE"
keys 3
wait_for '#2 Identify the major issues'

pb --as thirkill done 2 'Issues listed for each theme'
expect_status 0 "panelboard done"
wait_line '│✓ +2 done ' "$LIVE"
wait_line '│ 2022-12-01 +Issues listed for each +│' "$LIVE"
expect_eq "$(detail_first_line)" "#2 Identify the major issues expected" \
    "the detail of action 2 shows the note, the cursor still on it"

keys q
wait_dead
finish
