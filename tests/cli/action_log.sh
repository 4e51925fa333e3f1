#!/bin/bash
# `panelboard action-log` through the real binary, as a governance officer
# would run it for the agenda pack: on the example panel (the Markdown, the
# grouping, the closed-since section once an action is closed), the HTML
# parsed as the minutes' is, the CSV read back by Python's csv module with
# its accents intact and a BOM only with --bom, and the refusals.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"
pb done 2 "Issues sent to the leads" --on 2022-11-20 --as gov-officer
expect_status 0 "close #2 after the October meeting"

pb action-log
expect_status 0 "the log for today (no meeting to come)"
md=$out
expect_eq "$(printf '%s\n' "$md" | head -n 1)" \
    "# Outstanding actions — Corporate Parenting Panel, 1 December 2022" "the heading"
expect_eq "$(printf '%s\n' "$md" | grep '^##')" "## Meeting of 12 May 2022
### 5. STRATEGIES TRACKING
## Meeting of 12 October 2022
### 3. NATIONAL IMPLEMENTATION ADVISER FOR CARE LEAVERS VISIT 8 AND 9 SEPTEMBER 2022
## Completed since the last meeting" "grouped by meeting and item, oldest first, then the completed"
expect_out_has $'- **Overdue**: Advise on procedure for the appointment of additional co-opted Panel members (#4, Resolved (4))\n  Responsible: All, Governance Officer\n  Due: 31 October 2022; status: open\n' \
    "an overdue action with its owners by post"
expect_out_has $'  Latest update, 9 November 2022 (Chair): Portfolio-holders for Housing' \
    "the latest update, dated and by whom"
expect_out_has $'- **Done**: Identify the major issues expected to arise within each theme and advise the lead Panel Members (#2, Action: Chair)\n  Responsible: Chair, iAD/SRCP\n  Agreed: meeting of 12 October 2022, item 3; closed 20 November 2022\n' \
    "the action closed since the last meeting"

pb action-log --before 2022-10-12
expect_status 0 "the log as the October meeting received it"
expect_eq "$(printf '%s\n' "$out" | grep -c '^- \*\*')" 1 "only #5, from May, was outstanding then"
expect_out_has "No actions were completed since the last meeting." "nothing closed between May and October"

pb action-log --format html
expect_status 0 "html"
shape=$(printf '%s' "$out" | python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tag = None; self.seen = []; self.items = 0
    def handle_starttag(self, tag, attrs):
        if tag == "li": self.items += 1
        self.tag = tag
    def handle_data(self, data):
        if self.tag in ("h1", "h2", "h3", "title") and data.strip(): self.seen.append(self.tag + ":" + data.strip())
        if self.tag == "strong": self.seen.append("strong:" + data)
    def handle_endtag(self, tag): self.tag = None
p = P(); p.feed(sys.stdin.read()); print("\n".join(p.seen)); print("items:", p.items)')
expect_eq "$(printf '%s\n' "$shape" | grep -c '^strong:Overdue$')" 3 "three overdue, marked in bold"
case "$shape" in *"title:Outstanding actions — Corporate Parenting Panel, 1 December 2022"*) checks=$((checks + 1)) ;;
    *) fail "html title: $shape" ;; esac
case "$shape" in *"h2:Completed since the last meeting"*"items: 6"*) checks=$((checks + 1)) ;;
    *) fail "html: the completed section and six actions: $shape" ;; esac

# Another council's panel, in a database of its own, with a member whose
# name a spreadsheet must not mangle
DB="$WORK/other.db"
export PANELBOARD_TODAY=2023-12-01
pb import "$PB_SOURCE_ROOT/tests/data/other-council.yaml"
expect_status 0 "import the other council's panel"
cat > "$WORK/names.yaml" <<'YAML'
panelboard: 1
members:
  - {id: nguyen, name: Łukasz Nguyễn, kind: partner}
actions:
  - {id: 40, title: "Send the \"pledge\" card, in Polish", owners: [nguyen], due: 2024-01-10, meeting: 2023-11-15}
YAML
pb import "$WORK/names.yaml"
expect_status 0 "import the member and the action"
pb action-log
expect_status 0 "the other council's log"
expect_out_has $'# Outstanding actions — Pwyllgor Rhianta Corfforaethol / Corporate Parenting Committee, 1 December 2023\n' "its own heading, dated today"
expect_out_has $'## Completed since the last meeting\n\nNo actions were completed since the last meeting.' \
    "nothing closed since 15 November"
"$PANELBOARD" --db "$DB" action-log --format csv > "$WORK/log.csv"
"$PANELBOARD" --db "$DB" action-log --format csv --bom > "$WORK/bom.csv"
check=$(python3 - "$WORK/log.csv" "$WORK/bom.csv" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
bom = open(sys.argv[2], "rb").read()
print("bom-plain:", raw.startswith(b"\xef\xbb\xbf"), "bom-asked:", bom.startswith(b"\xef\xbb\xbf"))
print("crlf:", raw.count(b"\r\n") == raw.count(b"\n"))
print("same:", bom[3:] == raw)
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
for r in rows:
    if r["id"] in ("12", "18", "40"): print(r["section"], r["id"], r["owners"], r["state"], r["title"])
PY
)
expect_eq "$check" "bom-plain: False bom-asked: True
crlf: True
same: True
outstanding 12 Chair, Governance Officer, YES team manager on-track Publish the entitlements leaflet in Welsh, English, Polish and Urdu
outstanding 18 陳美玲 on-track Report on GP registration for care leavers
outstanding 40 Łukasz Nguyễn on-track Send the \"pledge\" card, in Polish" \
    "the CSV: names intact, quoted fields, BOM only with --bom, CRLF"
DB="$WORK/panel.db"
export PANELBOARD_TODAY=2022-12-01

pb action-log --format tsv
expect_status 0 "tsv"
expect_eq "$(printf '%s\n' "$out" | head -n 1)" \
    $'section\tid\tmeeting\tmeeting_date\titem\tref\ttitle\towners\tdue\tstatus\tstate\tupdate_date\tupdate\tclosed' \
    "the tsv header"
expect_out_has $'\tall,gov-officer\t2022-10-31\topen\toverdue\t' "tsv owners as ids"

pb action-log --before 2022-10-13
expect_status 65 "an unknown meeting"
expect_err_has "did you mean '2022-10-12'?" "the nearest meeting"
pb action-log --format pdf
expect_status 64 "an unknown format"
pb action-log --bom
expect_status 64 "--bom without csv"
pb action-log extra
expect_status 64 "an argument it does not take"

finish
