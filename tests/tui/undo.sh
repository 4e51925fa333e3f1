#!/usr/bin/env bash
# Mark done with `d`, undo with `u`, redo with Ctrl-R: after each the row,
# its detail and the message say so, and `panelboard actions --status done`
# agrees, so each step was saved at once.
. "$(dirname "$0")/lib.sh"

import_example
start dash 120 40 -- --as thirkill
wait_ready
keys 3
wait_for '6 actions · 6 open · 4 overdue'
keys G
wait_for '#6 Report to the Panel on avoiding'

done_ids() {
    "$PANELBOARD" --db "$DB" actions --status done --format tsv | tail -n +2 | cut -f1 | tr '\n' ' '
}
expect_eq "$(done_ids)" "" "nothing done in the example"

keys d
wait_for '#6 is done'
wait_line '│✓ +6 done +2023-01-11 smith +youth-ju'
wait_for '6 actions · 5 open · 4 overdue'
wait_line '│ status +done +│'
expect_eq "$(done_ids)" "6 " "d saved: action 6 is done"

keys u
wait_for 'undone: #6 done'
wait_line '│ +6 open +2023-01-11 smith +youth-ju'
wait_for '6 actions · 6 open · 4 overdue'
wait_line '│ status +open +│'
expect_eq "$(done_ids)" "" "u saved: action 6 is open again"

keys C-r
wait_for 'redone: #6 done'
wait_line '│✓ +6 done +2023-01-11 smith +youth-ju'
wait_for '6 actions · 5 open · 4 overdue'
expect_eq "$(done_ids)" "6 " "Ctrl-R saved: action 6 is done again"

# two steps back: the redo, then nothing more (the session made one change)
keys u
wait_for 'undone: #6 done'
wait_line '│ +6 open +2023-01-11 smith +youth-ju'
expect_eq "$(done_ids)" "" "u after Ctrl-R: open again"
keys u
wait_for 'nothing of this session to undo'
expect_eq "$(done_ids)" "" "a second u changes nothing"

# the status cycle with s is undone the same way
keys k
wait_for '#5 Take members'
keys s
wait_line '│! +5 in-progre'
expect_eq "$("$PANELBOARD" --db "$DB" actions --status in-progress --format tsv | tail -n +2 | cut -f1 | tr '\n' ' ')" \
    "1 5 " "s moved action 5 on to in-progress"
keys u
wait_line '│! +5 open '
expect_eq "$("$PANELBOARD" --db "$DB" actions --status in-progress --format tsv | tail -n +2 | cut -f1 | tr '\n' ' ')" \
    "1 " "u put action 5 back to open"

keys q
wait_dead
finish
