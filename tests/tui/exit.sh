#!/usr/bin/env bash
# The terminal given back: after `q`, and after SIGTERM, the shell that ran
# the dashboard has a usable terminal: canonical mode and echo on (stty),
# typed text echoes, and the alternate screen is left (the dashboard's frame
# is gone, the shell's earlier lines are back). The shell is dash, which has
# no line editor: what echoes is the terminal's own echo, and dash does not
# put the terminal modes back itself.
. "$(dirname "$0")/lib.sh"

import_example

# check_terminal WHEN: the shell in $S is at its prompt with a sane terminal
check_terminal() {
    runs=$((runs + 1))
    type_text "clear; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig|icrnl|opost)' | tr '\\n' ' '; echo \":modes-\$((0+$runs))\""
    keys Enter
    wait_line "^(-?[a-z]+ )+:modes-$runs\$"
    modes=$(screen | grep -E "^(-?[a-z]+ )+:modes-$runs\$" | tail -1)
    expect_eq "$modes" "icrnl opost isig icanon echo :modes-$runs" "terminal modes $1"
    # typed text echoes: `read` takes a line in canonical mode, so the typed
    # word shows once as echoed and once as printed
    type_text 'read -r line; echo "got:$line"'
    keys Enter
    type_text "echoed-words-$runs"
    keys Enter
    wait_for "got:echoed-words-$runs"
    checks=$((checks + 1))
    screen | grep -qx "echoed-words-$runs" || { fail "typed text does not echo $1"; show_screen; }
    # and the shell takes the next command
    type_text "echo next-\$((40+$runs))"
    keys Enter
    wait_line "^next-$((40 + runs))\$"
}

# run_dash [sh]: types the dashboard's command line at the shell's prompt;
# it echoes "exit-N=STATUS" when the dashboard ends (N counts the runs)
run_dash() {
    runs=$((runs + 1))
    local cmd
    cmd=$(quote "$PANELBOARD" --db "$DB" --as thirkill)
    [ "${1:-}" = sh ] && cmd="sh -c 'echo \$\$ >$WORK/pid; exec \"\$@\"' sh $cmd"
    type_text "$cmd; echo \"exit-$runs=\$?\""
    keys Enter
    wait_ready
}

# ended STATUS-REGEX: the dashboard's run has ended, with that status
ended() {
    wait_line "^exit-$runs=$1\$"
}
runs=0

# before: a line of the shell's own, to see the alternate screen left
before() {
    type_text 'echo before-$((1+1))'
    keys Enter
    wait_line '^before-2$'
}

# q
start_shell after-q 100 30
before
run_dash
wait_gone 'before-2' # the alternate screen
keys 3
wait_for '6 actions'
keys q
ended 0
wait_gone 'Corporate Parenting Panel'
wait_gone '┌'
expect_screen_has 'before-2' "after q: the shell's lines are back (alternate screen left)"
check_terminal "after q"

# q while a capture is open: Esc closes it, q then quits
run_dash
keys a
wait_for '│add:'
type_text 'half typed'
keys Escape
wait_gone 'add: half typed'
keys q
ended 0
wait_gone '┌'
check_terminal "after Esc, q"

# Ctrl-C quits too
run_dash
keys C-c
ended '(0|130)'
wait_gone '┌'
check_terminal "after Ctrl-C"

# SIGTERM, from outside, while it waits for a key; the pid is the one the
# shell starts (exec keeps it)
start_shell after-term 100 30
before
run_dash sh
keys 3
wait_for '6 actions'
pid=$(cat "$WORK/pid")
kill -TERM "$pid"
ended '[0-9]+'
wait_gone '┌'
wait_gone 'Corporate Parenting Panel'
expect_screen_has 'before-2' "after SIGTERM: the alternate screen is left"
check_terminal "after SIGTERM"

# SIGTERM while a capture is half typed
run_dash sh
keys 3 a
wait_for '│add:'
type_text 'typing when the signal comes'
wait_for 'add: typing when the signal comes'
kill -TERM "$(cat "$WORK/pid")"
ended '[0-9]+'
wait_gone '┌'
check_terminal "after SIGTERM during a capture"
pb actions
expect_lacks "$out" "typing when the signal comes" "a half-typed capture is not saved"

finish
