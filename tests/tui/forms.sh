#!/usr/bin/env bash
# Forms and marks in a real terminal: a theme edited through its form while
# the command line saves the same row first is refused, shows theirs and
# keeps what was typed, and saves on a second Ctrl-S; a resize while the
# form is open keeps it; two actions marked and closed as one change, which
# one u undoes.
. "$(dirname "$0")/lib.sh"

import_example
start dash 120 40 -- --as thirkill
wait_ready

keys j j j
wait_line '│. Housing +Cllr Thirkill'
keys e
wait_for 'Edit theme housing'
# the cursor starts on the first field that may change: the title
wait_line '│>title'
keys C-u
type_text 'Housing for care leavers'
wait_for 'Housing for care leavers'

# someone else saves the theme first
pb import /dev/stdin <<'EOF'
panelboard: 1
themes:
  - {id: housing, title: Homes}
EOF
expect_eq "$status" 0 "the other save"

# a resize while the form is open keeps it and what was typed
tm resize-window -t "$S" -x 90 -y 30
wait_frame 90 30
wait_for 'Edit theme housing'
wait_for 'Housing for care leavers'
tm resize-window -t "$S" -x 120 -y 40
wait_frame 120 40

keys C-s
wait_for 'saved this at'
wait_for 'theirs: Homes'
wait_for 'Housing for care leavers'
pb export
expect_has "$out" "title: Homes" "theirs is what the database holds"
keys C-s
wait_for 'Edit theme housing: saved'
pb export
expect_has "$out" "title: Housing for care leavers" "the second Ctrl-S saves what was typed"

# marks: two actions closed as one change, one u undoes both
keys 3
wait_for '6 actions'
keys Space Space
wait_for '2 marked'
keys d
wait_for '2 actions done'
pb actions --status done
expect_has "$out" "#1 " "#1 closed"
expect_has "$out" "#2 " "#2 closed"
keys u
wait_for 'undone'
pb actions --status done
expect_lacks "$out" "#1 " "one u reopens #1"
expect_lacks "$out" "#2 " "and #2"

keys q
wait_dead
finish
