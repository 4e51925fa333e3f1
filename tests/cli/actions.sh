#!/bin/bash
# `panelboard actions` and `panelboard queue` on the example panel: the
# filters, the queue's order, the TSV form and the exit statuses.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"

# ids of a listing, in order, joined by commas
ids_of() {
    printf '%s\n' "$out" | awk -F'\t' 'NR > 1 { printf "%s%s", sep, $1; sep = "," }'
}

# ---- actions ----

pb actions
expect_status 0 "actions"
expect_eq "$(printf '%s\n' "$out" | wc -l)" 6 "actions lists every action, one a line"
expect_eq "$(printf '%s\n' "$out" | awk '{print $1}' | paste -sd,)" "#1,#2,#3,#4,#5,#6" \
    "actions are listed by id"
expect_eq "$(printf '%s\n' "$out" | grep -c overdue)" 4 "overdue actions are marked"
expect_out_has "#4    open        2022-10-31 overdue  @all @gov-officer  Advise on procedure" \
    "a text line: id, status, due, overdue, owners, title"
expect_out_has "@all  Consider how best" "an action owned by all"
expect_out_has "@smith #youth-justice  Report to the Panel" "owners then theme then title"

pb actions --format tsv
expect_status 0 "actions --format tsv"
expected=$(printf '%s\n' \
    "id	status	due	theme	owners	title	meeting	ref" \
    "1	in-progress	2022-11-30		chair	Inform portfolio-holders of the names of the lead Panel Members who will contact them	2022-10-12	Resolved (1)" \
    "2	open	2022-11-30		chair,iad-srcp	Identify the major issues expected to arise within each theme and advise the lead Panel Members	2022-10-12	Action: Chair" \
    "3	open	2023-01-11		all	Consider how best to tell young people what was done on each theme and the outcomes, and gain their feedback	2022-10-12	Resolved (2)" \
    "4	open	2022-10-31		all,gov-officer	Advise on procedure for the appointment of additional co-opted Panel members	2022-10-12	Resolved (4)" \
    "5	open	2022-06-30		strategic-director	Take members’ feedback and comments on the two strategies to strengthen them	2022-05-12	Strategies tracking" \
    "6	open	2023-01-11	youth-justice	smith	Report to the Panel on avoiding the criminalisation of young people in care	2022-10-12	Themes")
expect_eq "$out" "$expected" "the TSV of the example panel's actions, exactly"

pb actions --theme youth-justice --format tsv
expect_eq "$(ids_of)" "6" "--theme"
pb actions --owner smith --format tsv
expect_eq "$(ids_of)" "3,4,6" "--owner includes the actions owned by all"
pb actions --status in-progress --format tsv
expect_eq "$(ids_of)" "1" "--status"
pb actions --overdue --format tsv
expect_eq "$(ids_of)" "1,2,4,5" "--overdue: open or in progress, due before today"
pb actions --owner chair --overdue --format=tsv
expect_eq "$(ids_of)" "1,2,4" "filters combine"
pb actions --status dropped --format tsv
expect_status 0 "an empty listing"
expect_eq "$out" "id	status	due	theme	owners	title	meeting	ref" "an empty TSV listing keeps its header"
pb actions --status dropped
expect_eq "$out" "" "an empty text listing prints nothing on stdout"
expect_err_has "no actions" "an empty text listing says so on stderr"

pb actions --theme housng
expect_status 65 "an unknown theme"
expect_err_has "no theme 'housng'; did you mean 'housing'?" "an unknown theme names the nearest"
expect_eq "$out" "" "nothing on stdout for a refused listing"
pb actions --owner thirkil --format tsv
expect_status 65 "an unknown owner"
expect_err_has "no member 'thirkil'; did you mean 'thirkill'?" "an unknown owner names the nearest"
expect_eq "$out" "" "no TSV header for a refused listing"
pb actions --status closed
expect_status 65 "an unknown status"
expect_err_has "open, in-progress, done or dropped" "an unknown status names the valid ones"
pb actions --format csv
expect_status 64 "an unknown format"
pb actions --colour
expect_status 64 "an unknown option"
pb actions housing
expect_status 64 "an unexpected argument"
pb actions --theme
expect_status 64 "an option missing its value"

# ---- TSV escaping: a tab and a backslash, as an import may bring them ----

cat >"$WORK/odd.yaml" <<'YAML'
panelboard: 1
actions:
  - title: "Tab\there and back\\slash"
    owners: [knox]
    theme: leisure
    ref: 'C:\minutes'
YAML
pb import "$WORK/odd.yaml"
expect_status 0 "import an action with a tab and a backslash"
pb actions --theme leisure --format tsv
expect_eq "$(printf '%s\n' "$out" | sed -n 2p)" \
    '7	open		leisure	knox	Tab\there and back\\slash		C:\\minutes' \
    "tab and backslash are written \\t and \\\\, nothing else quoted"
pb actions --theme leisure
expect_out_has "@knox #leisure  Tab here and back\\slash" "the text form shows a tab as a space"
if command -v sqlite3 >/dev/null; then
    # No command stores a newline in a title; a database edited by hand may.
    sqlite3 "$DB" "UPDATE actions SET title = 'one' || char(10) || 'two' WHERE id = 7"
    pb actions --theme leisure --format tsv
    expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "a newline in a field does not break the record"
    expect_out_has '	one\ntwo	' "a newline is written \\n"
    # Nor can a title reach the terminal as escape sequences (ESC, CSI).
    sqlite3 "$DB" "UPDATE actions SET title = 'red' || char(27) || '[31m' || char(155) || '0m' WHERE id = 7"
    pb actions --theme leisure
    expect_out_has '@knox #leisure  red\x1b[31m\u009b0m' "control characters are shown as visible escapes"
fi

# ---- queue ----

# Done means: a lead's queue lists exactly their open actions, in order.
pb --as smith queue smith --format tsv
expect_status 0 "queue smith"
expect_eq "$(ids_of)" "4,3,6" "smith's queue: owned by all, then their own (same due date, by id)"
pb --as chair queue chair --format tsv
expect_eq "$(ids_of)" "4,1,2,3" "the chair's queue: overdue first"
pb queue chair
expect_eq "$(printf '%s\n' "$out" | awk '{print $1 "/" $4}' | paste -sd' ')" \
    "#4/overdue #1/overdue #2/overdue #3/@all" "the text queue marks the overdue ones"
pb queue gov-officer --format tsv
expect_eq "$(ids_of)" "4,3" "an officer's queue: overdue, then the action owned by all"
pb --as knox queue --format tsv
expect_eq "$(ids_of)" "4,3,7" "queue with no MEMBER is the --as member's; a led theme's actions count"

# order: overdue, then by due date, then by id, no due date last
pb --as thirkill add 'Someday @thirkill'
expect_eq "$out" 8 "an action with no due date"
pb --as thirkill add 'Chase Louise Kay @kay #housing due:2022-11-15'
expect_eq "$out" 9 "an overdue action in thirkill's theme"
pb --as thirkill add 'Write to DWP @thirkill due:2022-12-15'
expect_eq "$out" 10 "an action due later"
pb --as thirkill add 'Reply to the DWP @thirkill due:2022-12-15'
expect_eq "$out" 11 "an action due the same day"
pb --as thirkill status 10 in-progress
pb --as thirkill done 11
pb --as thirkill queue thirkill --format tsv
expect_eq "$(ids_of)" "4,9,10,3,8" "overdue, then by due date, then by id, no due date last; done left out"

pb queue thirkil
expect_status 65 "an unknown member's queue"
expect_err_has "no member 'thirkil'; did you mean 'thirkill'?" "queue names the nearest member"
expect_eq "$out" "" "nothing on stdout for an unknown member"
pb queue
expect_status 64 "queue without MEMBER or --as"
pb queue chair knox
expect_status 64 "queue with two members"
pb queue chair --format xml
expect_status 64 "queue with an unknown format"

pb queue --help
expect_status 0 "queue --help"
expect_out_has "usage: panelboard queue [MEMBER] [--format text|tsv]" "queue --help synopsis"
pb actions --help
expect_out_has "--overdue" "actions --help lists the filters"

finish
