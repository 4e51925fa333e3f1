#!/bin/bash
# `--on DATE` on add, done and status: what an officer types up the day
# after a meeting counts as the meeting's (its minutes show it), while the
# history still says when it was typed and by whom; a bad date is refused
# with nothing changed.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
count_changes() {
    "$PANELBOARD" --db "$DB" history --limit 0 | grep -c '^#'
}

# The day after the 12 October meeting, the officer types it up.
export PANELBOARD_TODAY=2022-10-13
pb --as gov-officer add --on 2022-10-12 'Book a venue for the care leavers event #housing @thirkill'
expect_status 0 "add --on the meeting's day"
id=$out
pb --as thirkill done "$id" 'Venue booked' --on 2022-10-12
expect_status 0 "done with --on after the note"
pb --as thirkill status 6 in-progress --on=2022-10-12 Draft shared
expect_status 0 "status with --on=DATE among the words"

pb minutes 2022-10-12
expect_out_has "Action: Cllr Thirkill — book a venue for the care leavers event — done" \
    "the action added --on the day is the meeting's, and closed at it"
expect_out_has "Update from Cllr Thirkill on ‘Book a venue for the care leavers event’ (#$id): Venue booked" \
    "the update typed the day after is among the meeting's"
expect_out_has "(#6): draft shared" "a status's note given --on the day is the meeting's"

pb history --limit 2
# when it was typed is the real clock's (PANELBOARD_TODAY pins only the day)
expect_out_has "$(date -u +%Y-%m-%d) " "the history says when it was typed"
expect_out_has "thirkill (login $(id -un))  done #$id  (on 2022-10-12)" "and by whom, for which day"

# Without --on the same work counts for the day it is typed.
pb --as thirkill status 6 open 'Back to the drawing board'
pb minutes 2022-10-12
expect_out_lacks "Back to the drawing board" "work typed without --on is not the meeting's"

# Bad dates: refused, nothing written.
changes=$(count_changes)
pb done "$id" --on 2022-13-01
expect_status 64 "a date that does not exist"
expect_err_has "panelboard: done: --on takes a date written YYYY-MM-DD, not '2022-13-01'" \
    "the message names the option and the value"
pb status 6 done --on 2022-10-14
expect_status 65 "a day after today"
expect_err_has "--on 2022-10-14 is after today" "says why"
pb add 'Nothing @thirkill' --on
expect_status 64 "--on with no date"
pb done 6 --onn 2022-10-12
expect_status 64 "an unknown option is refused, not taken as a note"
expect_eq "$(count_changes)" "$changes" "nothing was written"

finish
