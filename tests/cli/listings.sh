#!/bin/bash
# `panelboard members`, `themes`, `meetings`, `co-options` and `feedback`:
# one row a line as text or TSV (cli.md's rules), through the real binary.
. "$(dirname "$0")/lib.sh"

pb members
expect_status 66 "a listing does not create the database"
pb import "$EXAMPLE"
expect_status 0 "import the example panel"

# --- members ---
pb members --format tsv
expect_status 0 "members --format tsv"
expect_eq "$(printf '%s\n' "$out" | head -1)" "$(printf 'id\tname\tkind\tpost\tvoting\torganisation\tjoined\tleft')" \
    "members: the header of lower-case column names"
expect_out_has "$(printf 'thirkill\tCllr Thirkill\tcouncillor\t\ttrue')" "a member's row, empty post empty"
pb members
expect_out_has "thirkill  Cllr Thirkill  councillor  -  true" "members as text, empty fields as -"
expect_eq "$(printf '%s\n' "$out" | grep -c .)" \
    "$(grep -c '^  - id:' <(sed -n '/^members:/,/^[a-z]/p' "$EXAMPLE"))" "one member a line"

# --- themes, with their counts ---
pb --as thirkill add 'Chase the housing plan @thirkill #housing due:2022-11-01'
pb --as thirkill add 'Report the housing plan @thirkill #housing'
pb --as thirkill add 'Circulate the housing plan @thirkill #housing'
pb done "$out"
pb themes --format tsv
expect_out_has "$(printf 'id\ttitle\tlead\topen\toverdue\tdone')" "themes: the header"
expect_out_has "$(printf 'housing\tHousing\tthirkill\t2\t1\t1')" "open, overdue and done counted, ids for the lead"
pb themes
expect_out_has "housing  Housing  thirkill  2 open  1 overdue  1 done" "themes as text, counts labelled"

# --- meetings, with dates and items ---
pb meetings --format tsv
expect_out_has "$(printf 'id\tdate\ttitle\titems')" "meetings: the header"
expect_out_has "$(printf '2022-10-12\t2022-10-12\tCorporate Parenting Panel\t')" "a meeting with its date"
pb meetings
expect_out_has "2022-10-12  2022-10-12  Corporate Parenting Panel  3 National Implementation Adviser" \
    "meetings as text: the items with their titles"

# --- co-options ---
pb co-options --format tsv
expect_out_has "$(printf 'id\tsector\tstatus\tmember\tnominated_by\tresolved\tterm_end\tref')" "co-options: the header"
expect_out_has "$(printf 'dwp\tDepartment for Work and Pensions\tproposed\t\t\t2022-10-12\t\tResolved (3)')" \
    "a seat's row"

# --- feedback, and TSV escaping ---
cat >"$WORK/said.yaml" <<'YAML'
panelboard: 1
feedback:
  - said: "Tabs\tand\nnewlines and a back\\slash"
    date: 2022-11-30
    theme: housing
YAML
pb import "$WORK/said.yaml"
expect_status 0 "import feedback with a tab, newline and backslash"
pb feedback --format tsv
expect_out_has "$(printf 'id\tdate\ttheme\tstatus\taction\ttold\tchannel\tsaid\tdid')" "feedback: the header"
expect_out_has "$(printf '\t2022-11-30\thousing\t')" "the theme's id, not its title"
expect_out_has 'Tabs\tand\nnewlines and a back\\slash' "\\t \\n \\\\ escaped"
expect_eq "$(printf '%s\n' "$out" | grep -c 'Tabs')" "1" "one record is one line"
expect_out_has "$(printf '1\t2022-05-12\t\tacting\t3\t')" "the action by id"
pb feedback
expect_out_has "#1  2022-05-12  -  acting  #3" "feedback as text"
expect_out_has "Tabs and newlines" "control characters shown as spaces in text"

# --- refusals ---
pb themes extra
expect_status 64 "a stray argument"
expect_err_has "unexpected argument 'extra'" "the stray argument is named"
expect_err_has "see panelboard themes --help" "with usage"
pb members --format csv
expect_status 64 "an unknown format"
pb co-options --colour
expect_status 64 "an unknown option"

# an empty panel: a header still, and say so on text
rm -f "$DB"
pb init
pb feedback --format tsv
expect_eq "$out" "$(printf 'id\tdate\ttheme\tstatus\taction\ttold\tchannel\tsaid\tdid')" "empty TSV has its header"
pb meetings
expect_status 0 "an empty listing is not an error"
expect_err_has "no meetings" "and says so"

pb --help
for c in members themes meetings co-options feedback; do
    expect_out_has "  $c [--format text|tsv]" "--help lists $c"
done

finish
