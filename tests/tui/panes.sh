#!/usr/bin/env bash
# The dashboard on the example panel: each of the six panes (keys 1 to 6)
# shows a row it must show, the header says which panel and as whom, and the
# status line counts the pane's rows.
. "$(dirname "$0")/lib.sh"

import_example
start dash 120 40 -- --as thirkill
wait_ready

# the header and the first pane
wait_for '┌ Corporate Parenting Panel'
expect_screen_has 'as: thirkill' "the header says as whom"
expect_screen_has '1 Themes  2 Leads  3 Actions  4 Co-opted  5 Strategies  6 Feedback' "the pane tabs"
wait_line '│ +Housing +Cllr Thirkill '
expect_screen_has '7 themes' "the status line counts the themes"

keys 2
wait_for '7 leads'
wait_line '│. Claire Smith +Youth Justice '

keys 3
wait_for '6 actions'
wait_for 'Inform portfolio-holders'
wait_line '│! +1 in-progre'

keys 4
wait_for '3 co-opted seats'
wait_for 'Department for Work'

keys 5
wait_for '2 strategies'
wait_for 'Sufficiency Strategy'

keys 6
wait_for '2 items of feedback'
wait_for 'Young people felt they were lis'

# and back: the first pane again, the cursor on its first row
keys 1
wait_for '7 themes'
wait_line '│ +Housing +Cllr Thirkill '
expect_eq "$(detail_first_line)" "Further Education and skills" "the detail shows the first theme"

# j moves the cursor, and the detail follows it
keys j
wait_for '│ Education (schools)  '
keys G
wait_for '│ Adults and businesses  '
keys g
wait_for '│ Further Education and skills  '

keys q
wait_dead
expect_eq "$dead_status" 0 "q quits with status 0"
finish
