#!/usr/bin/env bash
# Ctrl-Z suspends the dashboard to the shell: the shell says the job is
# stopped, its prompt works on a sane terminal (canonical mode, echo); `fg`
# brings the dashboard back redrawn, on the same row, and its keys work.
. "$(dirname "$0")/lib.sh"

import_example
start_shell shell 120 40 bash
type_text 'set +o emacs +o vi; echo before-$((1+1))'
keys Enter
wait_line '^before-2$'
type_text "$(quote "$PANELBOARD" --db "$DB" --as thirkill)"
keys Enter
wait_ready
keys 3
wait_for '6 actions'
keys j j
wait_for '#3 Consider how best to tell'

keys C-z
wait_line 'Stopped'
wait_gone '┌ Corporate Parenting Panel'
wait_line '^pbsh\$ ?$'
expect_screen_has 'before-2' "the shell's screen is back (alternate screen left)"
type_text "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo :modes"
keys Enter
wait_line '^(-?[a-z]+ )+:modes$'
expect_eq "$(screen | grep -E '^(-?[a-z]+ )+:modes$' | tail -1)" "icanon echo :modes" \
    "the terminal is sane while the dashboard is stopped"
type_text 'jobs; echo jobs-$((2+2))'
keys Enter
wait_line '^jobs-4$'
expect_screen_has 'panelboard' "jobs lists the stopped dashboard"

# meanwhile the command line changes the database; fg shows it
"$PANELBOARD" --db "$DB" --as chair add 'Added while suspended @chair' >/dev/null

type_text 'fg'
keys Enter
wait_for '┌ Corporate Parenting Panel'
wait_frame 120 40
wait_for '#3 Consider how best to tell'
wait_for 'Added while suspended'
wait_for '7 actions'
expect_screen_lacks 'pbsh$' "the dashboard is redrawn whole over the shell"
# the keys work again
keys j
wait_for '#4 Advise on procedure'
keys 1
wait_for '7 themes'

# twice
keys C-z
wait_line 'Stopped'
wait_line '^pbsh\$ ?$'
type_text 'fg'
keys Enter
wait_for '┌ Corporate Parenting Panel'
wait_frame 120 40
wait_for '7 themes'

keys q
wait_gone '┌'
wait_line '^pbsh\$ ?$'
type_text 'echo "exit-1=$?"'
keys Enter
wait_line '^exit-1=0$'
finish
