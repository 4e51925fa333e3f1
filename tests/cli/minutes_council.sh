#!/bin/bash
# `panelboard minutes` on another council's hand-written panel
# (tests/data/other-council.yaml, meeting 2023-11-15): both agenda items in
# order under the council's headings, attendance, the declaration, each
# action agreed once and the dropped one left out; the HTML has the same
# headings; and the file with its meeting survives export, import into an
# empty database and export again byte for byte.
. "$(dirname "$0")/lib.sh"

OTHER="$PB_SOURCE_ROOT/tests/data/other-council.yaml"

pb import "$OTHER"
expect_status 0 "import the other council's panel"

pb minutes 2023-11-15
expect_status 0 "minutes of 2023-11-15"
md=$out
expect_eq "$(printf '%s\n' "$md" | head -n 1)" \
    "# Corporate Parenting Committee — 15 November 2023" "the heading: the meeting's title and date"
expect_eq "$(printf '%s\n' "$md" | grep '^## ')" "## Declarations of interest
## 4. LEAVING CARE GRANT – REVIEW
## 5. REPORTS FROM PANEL LEADS" "both items in agenda order, ref and title in capitals"
expect_out_has $'Present: Cllr Siobhán O\'Brien (Chair), Cllr Dafydd ap Gwŷn, Cllr Elin Pŵel, 陳美玲\nIn attendance: Ngaio D’Arcy\nApologies: Cllr Józef Kowalczyk\n' \
    "present with the chair first, the officer in attendance, the apologies"
expect_out_has $'\nCllr Elin Pŵel declared an interest in item 4: Her brother is a foster carer with the council.\n' \
    "the declaration as the minutes word it"
expect_out_has "- Vice-Chair asked whether the young people had been told why. In response, letters went to all three." \
    "the question, its asker by post"

# each action agreed once, under its own item; the dropped one nowhere
item() { printf '%s\n' "$md" | awk -v h="## $1" '$0 == h { on = 1; next } /^## / { on = 0 } on'; }
grant='Action: All, Governance Officer (2) — ask the young people about the grant review, by 31 January 2024'
gp='Action: 陳美玲 — report on GP registration for care leavers, by 29 February 2024'
expect_eq "$(printf '%s\n' "$md" | grep -cxF -- "$grant")" 1 "the grant action's line, once"
expect_eq "$(printf '%s\n' "$md" | grep -cxF -- "$gp")" 1 "the GP action's line, once"
expect_eq "$(item '4. LEAVING CARE GRANT – REVIEW' | grep -cxF -- "$grant")" 1 \
    "the grant action under item 4"
expect_eq "$(item '5. REPORTS FROM PANEL LEADS' | grep -cxF -- "$gp")" 1 \
    "the GP action under the report-backs item"
expect_eq "$(printf '%s\n' "$md" | grep -c '^Action: ')" 2 "two Action: lines: the dropped one is left out"
checks=$((checks + 1))
printf '%s\n' "$md" | grep -qi 'write to every care leaver' && fail "the dropped action is in the minutes"
expect_out_has "- Update from Governance Officer on ‘Publish the entitlements leaflet in Welsh, English, Polish and Urdu’ (#12): the shorter leaflet is with the printers" \
    "the report-backs item gives the day's update"

# --- HTML: the same headings, parsed ---
pb minutes 2023-11-15 --format html
expect_status 0 "minutes --format html"
got=$(printf '%s' "$out" | python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.level = None; self.text = ""; self.heads = []
    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"): self.level = int(tag[1]); self.text = ""
    def handle_data(self, data):
        if self.level: self.text += data
    def handle_endtag(self, tag):
        if self.level and tag == "h%d" % self.level:
            self.heads.append("#" * self.level + " " + self.text.strip()); self.level = None
p = P(); p.feed(sys.stdin.read()); p.close(); print("\n".join(p.heads))
')
parsed=$?
checks=$((checks + 1))
[ $parsed -eq 0 ] || fail "the HTML does not parse"
want=$(printf '%s\n' "$md" | grep -E '^#{1,3} ')
expect_eq "$got" "$want" "the HTML's headings are the Markdown's"

# --- the file with its meeting: export, import into an empty database, export ---
"$PANELBOARD" --db "$DB" export >"$WORK/one.yaml" 2>"$WORK/export.err" ||
    fail "export: $(cat "$WORK/export.err")"
"$PANELBOARD" --db "$WORK/empty.db" import "$WORK/one.yaml" >/dev/null 2>"$WORK/import.err" ||
    fail "import of the export: $(cat "$WORK/import.err")"
"$PANELBOARD" --db "$WORK/empty.db" export >"$WORK/two.yaml" 2>"$WORK/export.err" ||
    fail "export again: $(cat "$WORK/export.err")"
checks=$((checks + 1))
cmp -s "$WORK/one.yaml" "$WORK/two.yaml" ||
    fail "export, import, export differs: $(diff "$WORK/one.yaml" "$WORK/two.yaml" | head -20)"
checks=$((checks + 1))
grep -qE '^ *- id: 2023-11-15$' "$WORK/one.yaml" && grep -q 'report-backs: true' "$WORK/one.yaml" ||
    fail "the export lacks the meeting of 2023-11-15 and its report-backs item"
DB="$WORK/empty.db" pb minutes 2023-11-15
expect_eq "$out" "$md" "the re-imported meeting minutes the same"

finish
