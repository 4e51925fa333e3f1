#!/bin/bash
# `panelboard show ID` and `panelboard edit ID TEXT` through the real binary
# on the example panel (today pinned to 2022-12-01): what each prints and
# changes, and each refusal's exit status.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
pb --as thirkill note 2 'Called the YOT'

# --- show ---
pb show 2
expect_status 0 "show an action"
expect_out_has "#2  Identify the major issues" "the title"
expect_out_has "status:   open (overdue)" "the status, overdue marked"
expect_out_has "owners:   Chair of the Panel (chair), iAD/SRCP (iad-srcp)" "owners by name, with ids"
expect_out_has "due:      2022-11-30" "the due date"
expect_out_has "ref:      Action: Chair" "the minute reference"
expect_out_has "2022-12-01  thirkill     Called the YOT" "its updates"
expect_out_has "update #2" "its latest changes, a note included"
expect_out_has "import " "the import that brought it"
pb show '#2'
expect_status 0 "show takes #ID"
pb show 99
expect_status 65 "show an unknown action"
expect_err_has "no action #99" "the unknown id is named"
pb show 2 3
expect_status 64 "show takes one id"
expect_err_has "unexpected argument '3'" "the stray argument is named"
expect_err_has "see panelboard show --help" "with usage"
pb show
expect_status 64 "show without an id"
pb show two
expect_status 65 "show with a word for an id"

# --- edit ---
pb --as thirkill edit 2 'Name the issues @thirkill #housing due:2023-01-31 ref:"Resolved (9)"'
expect_status 0 "edit title, owners, theme, due and ref"
pb actions --format tsv
expect_out_has "$(printf '2\topen\t2023-01-31\thousing\tthirkill\tName the issues\t2022-10-12\tResolved (9)')" \
    "each named field replaced, the meeting kept"
pb edit 2 due:~
expect_status 0 "due:~"
pb actions --format tsv
expect_out_has "$(printf '2\topen\t\thousing\tthirkill\tName the issues\t')" \
    "due:~ clears the due date and keeps the rest"
pb edit 2 'due:+1m'
pb actions --format tsv
expect_out_has "$(printf '2\topen\t2023-01-01\t')" "due:+1m is a calendar month ahead"
pb edit 2 @all
pb actions --format tsv
expect_out_has "$(printf '\thousing\tall\tName the issues')" "@all replaces the owners"
pb history --limit 1
expect_out_has "edit action #2" "an edit is one change in the history"
pb undo
expect_status 0 "an edit can be undone"
pb actions --format tsv
expect_out_has "$(printf '\thousing\tthirkill\tName the issues')" "undo puts the owners back"

before=$("$PANELBOARD" --db "$DB" actions --format tsv)
pb edit 2 '#housing @thirkil'
expect_status 65 "an unknown owner"
expect_err_has "no member 'thirkil'; did you mean 'thirkill'?" "the nearest member is named"
pb edit 2 '#houseing'
expect_status 65 "an unknown theme"
expect_err_has "did you mean 'housing'?" "the nearest theme is named"
pb edit 99 'New title'
expect_status 65 "edit an unknown action"
expect_err_has "no action #99" "the unknown id is named"
pb edit 2 ' '
expect_status 64 "TEXT naming nothing is refused"
expect_err_has "nothing to change" "and says what it takes"
pb edit 2
expect_status 64 "edit without TEXT"
pb edit 2 'x' --colour
expect_status 64 "an unknown option"
expect_err_has "see panelboard edit --help" "with usage"
pb edit 2 'Retitled' --revision 1
expect_status 75 "an edit over a revision since changed is refused"
expect_err_has "changed by someone else since you read it" "and says why"
expect_eq "$("$PANELBOARD" --db "$DB" actions --format tsv)" "$before" "no refused edit changed anything"
rev=$("$PANELBOARD" --db "$DB" show 2 | awk '/^revision:/ {print $2}')
pb edit 2 'Retitled' --revision "$rev"
expect_status 0 "an edit at the revision show printed"

pb edit --help
expect_status 0 "edit --help"
expect_out_has "due:~ clears it" "edit --help shows due:~"
pb --help
expect_out_has "show ID" "--help lists show"
expect_out_has "edit ID TEXT" "--help lists edit"

finish
