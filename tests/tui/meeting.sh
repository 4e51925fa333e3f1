#!/usr/bin/env bash
# A whole meeting of the example panel from the keyboard, watched live by
# a second dashboard: M starts today's meeting, I adds two items (the second
# for the leads' reports), D and Q record a decision and a question, w
# writes the item's minutes through $EDITOR (a script here), P ticks
# attendance, an action is captured on the Housing lead's row, two actions
# are closed, M ends it; then `panelboard minutes` holds all of it in the
# council's form.
. "$(dirname "$0")/lib.sh"

import_example
editor="$WORK/editor.sh"
cat >"$editor" <<'EOF'
#!/bin/sh
printf 'The Chair welcomed the Adviser, who praised the Local Offer.\n' >"$1"
EOF
chmod +x "$editor"

start watch 120 40 -- --as smith
wait_ready
start chair 120 40 "EDITOR=$editor" -- --as thirkill
wait_ready

keys M
wait_for "today's meeting, its title: Corporate Parenting Panel"
keys Enter
wait_for 'meeting 2022-12-01 started'
wait_for '[meeting: item'
keys I
type_text "3 Adviser's visit"
keys Enter
wait_for 'item 3 added'
keys I
type_text '4 Reports from Panel Leads *'
keys Enter
wait_for 'with the themes under it'
wait_line '│ +Housing +Cllr Thirkill '

keys g D
type_text 'That the Panel noted the visit.'
keys Enter
wait_for 'item 3: resolved (1)'
keys Q
type_text 'Had the ambassadors been appointed?'
keys Enter
wait_for 'the answer'
type_text 'Yes, one has been.'
keys Enter
wait_for 'asked by'
type_text 'kno'
keys Tab Enter
wait_for 'item 3: question recorded'
keys w
wait_for 'the minutes of item 3 saved'
wait_for 'The Chair welcomed the Adviser'

keys P
wait_for 'Attendance at 2022-12-01'
keys Space j Space Space Escape
wait_gone 'Attendance at'

# down to the Housing lead's row, and an action captured there
for _ in 1 2 3 4 5; do keys j; done
wait_line '│ Housing +│'
keys a
wait_for 'add:  #housing'
type_text 'Write to the DWP @thirkill'
keys Enter
wait_line 'added #7'

# the second dashboard sees the meeting's work as it happens
S=watch
keys 3
wait_for 'Write to the DWP'
S=chair

# two actions closed from the actions pane, then back to the meeting
keys 3
wait_for '7 actions'
keys g d j d
wait_for '#2 is done'
keys M
wait_for '[meeting: item'
keys p
wait_for 'as they stand'
wait_for '3. ADVISER'"'"'S VISIT'
keys Escape M
wait_for 'ended after'
keys q
wait_dead

pb minutes 2022-12-01
expect_eq "$status" 0 "panelboard minutes"
expect_has "$out" "Present: Chair of the Panel" "attendance: present"
expect_has "$out" "Apologies: Cllr Thirkill" "attendance: apologies"
expect_has "$out" "## 3. ADVISER'S VISIT" "the first item"
expect_has "$out" "The Chair welcomed the Adviser, who praised the Local Offer." "its minutes"
expect_has "$out" "Cllr Knox asked: Had the ambassadors been appointed? In response, yes, one has been." \
    "the question and its answer"
expect_has "$out" "That the Panel noted the visit." "the decision"
expect_has "$out" "## 4. REPORTS FROM PANEL LEADS" "the report-backs item"
expect_has "$out" "### Housing — Panel lead: Cllr Thirkill" "the theme and its lead"
expect_has "$out" "Action: Cllr Thirkill — write to the DWP" "the action captured there"
pb actions --status done
expect_has "$out" "#1 " "the first action closed"
expect_has "$out" "#2 " "the second action closed"
finish
