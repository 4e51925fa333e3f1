#!/bin/bash
# `panelboard add TEXT`: quick capture through the real binary on the example
# panel (today pinned to Thursday 2022-12-01): what lands, what is refused,
# and that a refused line adds nothing.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"

# the TSV row of action $1
row_of() {
    "$PANELBOARD" --db "$DB" actions --format tsv | awk -F'\t' -v id="$1" '$1 == id'
}
count_actions() {
    "$PANELBOARD" --db "$DB" actions --format tsv | tail -n +2 | wc -l
}
count_changes() {
    "$PANELBOARD" --db "$DB" history --limit 0 | grep -c '^#'
}

# Done means: the issue's example lands with every part in its place.
pb --as thirkill add 'Write to DWP @thirkill #housing due:+2w ref:"Resolved (3)"'
expect_status 0 "add the issue's example"
expect_eq "$out" "7" "add prints the new id alone"
expect_eq "$err" "" "add says nothing else"
expect_eq "$(row_of 7)" "7	open	2022-12-15	housing	thirkill	Write to DWP		Resolved (3)" \
    "title, owner, theme, due in two weeks, ref"

# A typo in an id is refused with a suggestion, and nothing is added.
changes=$(count_changes)
pb --as thirkill add 'Write to DWP @thirkil #housing'
expect_status 65 "an unknown owner"
expect_err_has "no member 'thirkil'; did you mean 'thirkill'?" "the nearest member is named"
expect_eq "$out" "" "no id printed for a refused line"
pb --as thirkill add 'Write to DWP @thirkill #housng'
expect_status 65 "an unknown theme"
expect_err_has "no theme 'housng'; did you mean 'housing'?" "the nearest theme is named"
expect_eq "$(count_actions)" 7 "nothing was added by the refused lines"
expect_eq "$(count_changes)" "$changes" "the refused lines left no history"

# Owners: several, all, or (with none given) the --as member.
pb add 'Advise on appointments @gov-officer @chair @gov-officer due:2022-12-20'
expect_eq "$(row_of "$out")" \
    "8	open	2022-12-20		gov-officer,chair	Advise on appointments		" \
    "several owners, in order, each once"
pb add Tell young people what was done @all due:fri
expect_status 0 "TEXT in several arguments"
expect_eq "$(row_of "$out")" "9	open	2022-12-02		all	Tell young people what was done		" \
    "@all, and due:fri is the next Friday"
pb --as knox add 'Ask Head, Virtual School about Pupil Premium Plus #leisure'
expect_eq "$(row_of "$out")" \
    "10	open		leisure	knox	Ask Head, Virtual School about Pupil Premium Plus		" \
    "with no @owner the action is the --as member's"
pb add 'Nobody owns this'
expect_status 65 "no owner and no --as"
expect_err_has "name an owner with @id or @all" "an owner is asked for"

# The meeting: given, or the one held on the day of capture.
pb add --meeting 2022-10-12 'Circulate the procedure @gov-officer'
expect_status 0 "add --meeting"
expect_eq "$(row_of "$out" | cut -f7)" "2022-10-12" "--meeting sets the meeting"
pb add 'Circulate the procedure @gov-officer' --meeting 2022-10-13
expect_status 65 "an unknown meeting"
expect_err_has "no meeting '2022-10-13'; did you mean '2022-10-12'?" "the nearest meeting is named"
PANELBOARD_TODAY=2022-10-12 pb add 'Agreed at the meeting @chair'
expect_eq "$(row_of "$out" | cut -f7)" "2022-10-12" "captured on a meeting's day, it belongs to it"

# Other refusals: all exit 65, nothing added.
before=$(count_actions)
pb add '@chair #housing'
expect_status 65 "no title"
expect_err_has "an action needs a title" "a title is asked for"
pb add 'Chase @chair due:2022-02-30'
expect_status 65 "a date that does not exist"
expect_err_has "bad date '2022-02-30'" "the bad date is named"
pb add 'Chase @chair due:soon'
expect_status 65 "a due date in no known form"
pb add 'Chase @chair ref:"Resolved (3)'
expect_status 65 "an unclosed quote"
pb add 'Chase @all @chair'
expect_status 65 "@all with other owners"
pb --as thirkil add 'Chase @chair'
expect_status 65 "an unknown --as"
expect_err_has "--as: no member 'thirkil'; did you mean 'thirkill'?" "--as is checked"
expect_eq "$(count_actions)" "$before" "nothing was added by any refused line"

# Usage.
pb add
expect_status 64 "add without TEXT"
pb add 'Chase @chair' --colour
expect_status 64 "an unknown option"
pb add --help
expect_status 0 "add --help"
expect_out_has "usage: panelboard add TEXT" "add --help synopsis"
expect_out_has 'ref:"Resolved (4)"' "add --help shows the capture syntax"

# --- a single-quoted ref, and one left open ---
pb --as thirkill add "Reply to Bradford's DWP @thirkill ref:'Resolved (4)'"
expect_status 0 "a single-quoted ref"
id=$out
pb actions --format tsv
expect_out_has "$id	open		" "the single-quoted action is stored"
expect_out_has "Reply to Bradford's DWP		Resolved (4)" "title keeps its apostrophe and the ref is whole"
before=$("$PANELBOARD" --db "$DB" actions --format tsv | wc -l)
pb --as thirkill add "Reply to the DWP @thirkill ref:'Resolved (4)"
expect_status 65 "a single-quoted ref with no closing quote"
expect_err_has "no closing quote" "the message says what is missing"
expect_eq "$("$PANELBOARD" --db "$DB" actions --format tsv | wc -l)" "$before" "nothing is added"

# --- due:+Nm: calendar months, the day clamped to the month's last ---
PANELBOARD_TODAY=2023-01-31 pb add 'Review the pledge @chair due:+1m'
expect_status 0 "due:+1m"
expect_eq "$(row_of "$out" | cut -f3)" "2023-02-28" "31 January plus a month is the last of February"
PANELBOARD_TODAY=2023-01-31 pb add 'Review the pledge @chair due:+121m'
expect_status 65 "due:+Nm beyond 3650 days is refused"

finish
