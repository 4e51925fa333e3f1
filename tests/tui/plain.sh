#!/usr/bin/env bash
# Terminals without colour or without UTF-8: NO_COLOR=1 gives a readable
# screen with no colour at all (meaning kept by the marks), LANG=C gives
# plain ASCII borders ('+', '-', '|', no '┌'), and TERM=dumb is refused with
# a message and exit status 64.
. "$(dirname "$0")/lib.sh"

import_example

# SGR colour codes (30-37, 40-47, 90-107, 38;/48;) in capture-pane -e output
colour_codes() {
    tm capture-pane -p -e -t "$S" | grep -Eo $'\e\\[[0-9;]*m' |
        grep -E '\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9;]*)?m' | sort -u | tr -d '\033' | tr '\n' ' '
}

# With colour (the control case, so that the NO_COLOR check can fail):
# the overdue rows are red.
start colour 120 40 -- --as thirkill
wait_ready
keys 3
wait_for '6 actions · 6 open · 4 overdue'
checks=$((checks + 1))
[ -n "$(colour_codes)" ] || fail "a colour terminal shows colour (no SGR colour codes at all)"
keys q
wait_dead

# NO_COLOR=1: no colour, every row readable, the marks still there
start nocolour 120 40 NO_COLOR=1 -- --as thirkill
wait_ready
wait_line '│ +Housing +Cllr Thirkill '
keys 3
wait_for '6 actions · 6 open · 4 overdue'
wait_line '│! +1 in-progre… 2022-11-30 chair +Inform portfolio-holders'
wait_line '│ +3 open +2023-01-11 all +Consider how best'
expect_eq "$(colour_codes)" "" "NO_COLOR=1: no colour codes on the screen"
keys G d
wait_line '│✓ +6 done '
expect_eq "$(colour_codes)" "" "NO_COLOR=1: no colour for a done row either"
keys u
wait_line '│ +6 open '
keys q
wait_dead
expect_eq "$dead_status" 0 "NO_COLOR: q quits with 0"

# LANG=C: ASCII frame and ellipsis, the rows (ASCII text) all there
start clocale 120 40 LANG=C LC_ALL=C -- --as thirkill
wait_for 'Corporate Parenting Panel'
wait_line '^\+ Corporate Parenting Panel - last meeting 2022-10-12 - as: thirkill -+'
wait_line '^\+-+\+-+\+$'
wait_line '^\| +Housing +Cllr Thirkill +0 +0 +0 no actions +\| actions '
wait_line '^\| +theme +lead .*\| Further Education and skills +\|$'
wait_line '^\| +Youth Justice +Claire Smith +1 +0 +0 \.+ +0% \|'
wait_for '7 themes'
keys 3
wait_for '6 actions'
wait_line '^\|! +1 in-progre~ 2022-11-30 chair +Inform portfolio-holders~ \|'
expect_screen_lacks '┌' "LANG=C: no box-drawing corner"
expect_screen_lacks '│' "LANG=C: no box-drawing side"
expect_screen_lacks '─' "LANG=C: no box-drawing line"
checks=$((checks + 1))
nonascii=$(screen | LC_ALL=C grep -n '[^ -~]' | head -3)
[ -z "$nonascii" ] || fail "LANG=C: bytes outside ASCII on the screen: $nonascii"
keys q
wait_dead
expect_eq "$dead_status" 0 "LANG=C: q quits with 0"

# TERM=dumb: refused, with the reason, exit 64, and nothing drawn
start_cmd dumb 100 30 "$(quote env TERM=dumb LANG=C.UTF-8 "$PANELBOARD" --db "$DB" --as thirkill); echo \"exit=\$?\""
wait_output 'exit=64'
wait_output "panelboard: the dashboard needs a terminal that can move its cursor (TERM is 'dumb')"
expect_screen_lacks 'Corporate Parenting Panel' "TERM=dumb: no dashboard drawn"

# and with no TERM at all
start_cmd noterm 100 30 "$(quote env -u TERM LANG=C.UTF-8 "$PANELBOARD" --db "$DB"); echo \"exit=\$?\""
wait_output 'exit=64'
wait_output 'panelboard: the dashboard needs a terminal'

# not a terminal: the same refusal, from the command line
out=$("$PANELBOARD" --db "$DB" </dev/null 2>&1)
status=$?
err=$out
expect_status 64 "no terminal: exit 64"
expect_has "$out" "the dashboard needs a terminal" "no terminal: says why"

finish
