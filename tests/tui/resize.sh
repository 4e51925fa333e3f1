#!/usr/bin/env bash
# Resizing the terminal under the dashboard: 120x40, then 40x10 (the
# smallest it works at: the header and rows, trimmed, nothing overlapping),
# then 30x8 ("terminal too small"), then 120x40 again with the whole frame
# back and the cursor where it was.
. "$(dirname "$0")/lib.sh"

import_example
start dash 120 40 -- --as thirkill
wait_ready
keys 3
wait_for '6 actions'
keys j j j
wait_for '#4 Advise on procedure for the'

full_screen_intact() {
    wait_frame 120 40
    wait_for '┌ Corporate Parenting Panel'
    wait_for 'as: thirkill'
    wait_line '^└─+┘$'
    wait_line '^├─+┬─+┤$'
    wait_line '│! +4 open +2022-10-31 '
    wait_for '6 actions · 6 open · 4 overdue'
    expect_eq "$(misaligned_rows 120 40)" "" "every row reaches the right border at 120x40 ($1)"
    expect_eq "$(detail_first_line)" "#4 Advise on procedure for the" "the cursor is still on action 4 ($1)"
}
full_screen_intact "at the start"

tm resize-window -t "$S" -x 40 -y 10
wait_gone '┌ Corporate Parenting Panel · last meeting 2022-10-12 · as: thirkill'
wait_for 'Corporate Parenting Panel'
wait_line '^! +4 open +2022-10-31 Advise on'
wait_line '^! +1 in-pro'
wait_for '6 actions'
expect_screen_lacks 'terminal too small' "40x10 is big enough"
checks=$((checks + 1))
long=$(screen | while IFS= read -r line; do
    [ "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)" -le 40 ] || printf '%s\n' "$line"
done)
[ -z "$long" ] || fail "rows wider than 40 cells at 40x10: $long"
# still usable at this size
keys j
wait_line '^! +5 open +2022-06-30 Take membe'
keys k

tm resize-window -t "$S" -x 30 -y 8
wait_for 'terminal too small'
wait_gone 'Corporate Parenting Panel'
# keys at that size do not crash it, and q still works later
keys j k

tm resize-window -t "$S" -x 120 -y 40
wait_gone 'terminal too small'
full_screen_intact "after 40x10 and 30x8"

# resizing while a capture is being typed keeps the typed text
keys a
wait_for '│add:'
type_text 'Kept across a resize @knox'
wait_for 'add: Kept across a resize @knox'
tm resize-window -t "$S" -x 80 -y 24
wait_frame 80 24
wait_line '^│add: Kept across a resize @knox +│$'
tm resize-window -t "$S" -x 120 -y 40
wait_frame 120 40
wait_line '^│add: Kept across a resize @knox +│$'
keys Enter
wait_for 'added #7'
expect_eq "$(misaligned_rows 120 40)" "" "every row reaches the right border after the capture"

keys q
wait_dead
expect_eq "$dead_status" 0 "q quits with status 0 after the resizes"
finish
