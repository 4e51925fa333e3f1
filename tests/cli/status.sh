#!/bin/bash
# `panelboard done` and `panelboard status` on the example panel: moving
# actions along, notes becoming dated updates by the --as member, what the
# history shows, and the exit statuses.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"

status_of() {
    "$PANELBOARD" --db "$DB" actions --format tsv | awk -F'\t' -v id="$1" '$1 == id { print $2 }'
}
count_changes() {
    "$PANELBOARD" --db "$DB" history --limit 0 | grep -c '^#'
}

# Done means: an action added, then done with a note, shows in the history.
pb --as thirkill add 'Write to DWP @thirkill #housing due:+2w ref:"Resolved (3)"'
expect_status 0 "add"
id=$out
pb --as thirkill done "$id" 'Letter sent'
expect_status 0 "done with a note"
expect_eq "$out" "" "done prints nothing on stdout"
expect_err_has "action #$id: open -> done, update added" "done says what it did on stderr"
expect_eq "$(status_of "$id")" "done" "the action is done"
pb history --limit 1 --full
expect_out_has "thirkill (login $(id -un))  done #$id" "the history: who and what"
expect_out_has '"status":"open"' "the history: the status before"
expect_out_has '"status":"done"' "the history: the status after"
expect_out_has '"date":"2022-12-01","by":"thirkill","text":"Letter sent"' \
    "the history: the note, dated today, by the --as member"
pb history --limit 2
expect_out_has "thirkill (login $(id -un))  add action: Write to DWP" "the history: the add before it"

# status: every status, a note in several words, a note starting with a dash
pb --as smith status 6 in-progress Draft report shared with the YOT
expect_status 0 "status in-progress with a note in several words"
expect_eq "$(status_of 6)" "in-progress" "the action is in progress"
pb history --limit 1 --full
expect_out_has "smith (login $(id -un))  status #6 in-progress" "status in the history"
expect_out_has '"by":"smith","text":"Draft report shared with the YOT"' "the words make one note"
pb --as smith status 6 open '-2 weeks: slipped'
expect_status 0 "a note starting with a dash"
pb history --limit 1 --full
expect_out_has '"text":"-2 weeks: slipped"' "the dash note is kept"
pb status 5 dropped
expect_status 0 "status dropped without --as or note"
expect_eq "$(status_of 5)" "dropped" "the action is dropped"
pb status '#5' open 'Taken up again'
expect_status 0 "an id written #5"
expect_eq "$(status_of 5)" "open" "the action is open again"
pb history --limit 1 --full
expect_out_has '"by":null,"text":"Taken up again"' "a note without --as has no author"

# the same status again: nothing to do, nothing in the history
changes=$(count_changes)
pb done "$id"
expect_status 0 "done on a done action"
expect_err_has "action #$id is already done" "it says so"
expect_eq "$(count_changes)" "$changes" "and writes nothing"
pb --as thirkill done "$id" 'Reply received'
expect_status 0 "a note on a done action"
expect_err_has "action #$id: update added" "only the note is added"

# refusals: nothing changes
changes=$(count_changes)
pb done 99 'Nowhere'
expect_status 65 "an unknown id"
expect_err_has "no action #99" "the unknown id is named"
pb done seven
expect_status 65 "an id that is not a number"
expect_err_has "'seven' is not an id" "the bad id is named"
pb status 2 finished
expect_status 65 "an unknown status"
expect_err_has "no status 'finished' (use open, in-progress, done or dropped)" "the valid ones"
pb status 2 in-progres
expect_status 65 "a misspelt status"
expect_err_has "did you mean 'in-progress'?" "the nearest status"
pb --as thirkil done 2 'Sent'
expect_status 65 "an unknown --as"
expect_err_has "--as: no member 'thirkil'; did you mean 'thirkill'?" "--as is checked"
expect_eq "$(status_of 2)" "open" "the refused commands left the action as it was"
expect_eq "$(count_changes)" "$changes" "and wrote no history"

# usage
pb done
expect_status 64 "done without ID"
pb status 2
expect_status 64 "status without STATUS"
pb done --force 2
expect_status 64 "an unknown option"
pb done --help
expect_status 0 "done --help"
expect_out_has "usage: panelboard done IDS [NOTE]" "done --help synopsis"
pb status --help
expect_out_has "usage: panelboard status IDS STATUS [NOTE]" "status --help synopsis"

finish
