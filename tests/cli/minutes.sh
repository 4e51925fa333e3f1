#!/bin/bash
# `panelboard minutes [MEETING]`: the Markdown for one meeting's minutes,
# the latest by date unless one is named; an unknown meeting is refused
# with the nearest id (exit 65); an action captured and closed at a
# meeting shows in that meeting's minutes; and what was typed (names,
# Markdown characters) is what the minutes say.
. "$(dirname "$0")/lib.sh"

# --- no meetings yet ---
pb init
pb minutes
expect_status 65 "minutes with no meetings"
expect_err_has "no meetings yet" "minutes with no meetings"

# --- the example panel ---
pb import "$EXAMPLE"
expect_status 0 "import the example panel"

pb minutes
expect_status 0 "minutes of the latest meeting"
latest=$out
expect_eq "$(printf '%s\n' "$latest" | head -n 1)" \
    "# Corporate Parenting Panel — 12 October 2022" "the latest meeting is 12 October 2022"
pb minutes 2022-10-12
expect_eq "$out" "$latest" "minutes with no MEETING are those of 2022-10-12"

expect_out_has $'Present: Cllr Dunbar (Chair), Cllr Thirkill, Cllr Pollard\nIn attendance: iAD/SRCP, Governance Officer\n' \
    "attendance, the chair first"
expect_out_has "## 3. NATIONAL IMPLEMENTATION ADVISER FOR CARE LEAVERS VISIT 8 AND 9 SEPTEMBER 2022" \
    "the item under its ref and title in capitals"
expect_out_has $'Resolved –\n\n(1) That the Panel noted the importance' "resolutions numbered"
expect_out_has "Action: Chair (1) — inform portfolio-holders of the names of the lead Panel Members who will contact them, by 30 November 2022" \
    "an Action: line with its ref, title and due date"
expect_out_has "Action: All, Governance Officer (4), by 31 October 2022" "all with a named owner, title said by (4)"
expect_out_has "- Youth Justice: proposed (Resolved (3))" "co-option seats the meeting resolved on"
expect_out_lacks "Actions arising" "no second list of the actions"
checks=$((checks + 1))
n=$(printf '%s\n' "$out" | grep -c '^Action: ')
[ "$n" -eq 5 ] || fail "one Action: line per action agreed on 2022-10-12: got $n"
checks=$((checks + 1))
printf '%s\n' "$out" | awk 'length > 85 { long = 1 } END { exit !long }' ||
    fail "paragraphs are not wrapped: a long one stays on one line"

# --- the three formats from one meeting ---
pb minutes 2022-10-12 --format html
expect_status 0 "minutes --format html"
html=$out
checks=$((checks + 1))
shape=$(printf '%s' "$html" | python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tag = None; self.seen = []
    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "ul", "li", "html", "body", "title"):
            self.tag = tag
            if tag in ("ul", "html", "body"): self.seen.append(tag)
    def handle_data(self, data):
        if self.tag in ("h1", "h2") and data.strip(): self.seen.append(self.tag + ":" + data.strip())
    def handle_endtag(self, tag): self.tag = None
p = P(); p.feed(sys.stdin.read()); print("\n".join(p.seen))
')
want_shape="html
body
h1:Corporate Parenting Panel — 12 October 2022
h2:Declarations of interest
h2:3. NATIONAL IMPLEMENTATION ADVISER FOR CARE LEAVERS VISIT 8 AND 9 SEPTEMBER 2022
ul
h2:Co-opted membership
ul"
[ "$shape" = "$want_shape" ] || fail "the HTML's headings and lists: got
$shape"
expect_eq "$(printf '%s' "$html" | grep -c '<br />')" 5 "each Present and Action: line is a line of the page"
pb minutes 2022-10-12 --format text
expect_status 0 "minutes --format text"
expect_out_has $'3. NATIONAL IMPLEMENTATION ADVISER FOR CARE LEAVERS VISIT 8 AND 9 SEPTEMBER 2022\n' "text: headings in capitals"
expect_out_lacks "## " "text: no Markdown marks"
pb minutes 2022-10-12 --format pdf
expect_status 64 "an unknown format"

pb minutes 2022-05-12
expect_status 0 "minutes of 2022-05-12"
expect_out_has "# Corporate Parenting Panel — 12 May 2022" "the meeting named"
expect_out_has "- A Member asked what still needed to be done, as the ‘how’ seemed to be missing. In response, the responsibility for actions still needed to be put in place." \
    "a question nobody is named for, and its response"
expect_out_lacks "12 October 2022" "nothing of the other meeting"

# --- refused ---
pb minutes 2022-10-21
expect_status 65 "an unknown meeting"
expect_err_has "no meeting '2022-10-21'; did you mean '2022-10-12'?" "the nearest meeting id"
expect_eq "$out" "" "nothing printed for an unknown meeting"

pb minutes 2022-10-12 2022-05-12
expect_status 64 "two meetings"
pb minutes --latest
expect_status 64 "an unknown option"
expect_err_has "unknown option or missing value '--latest'" "the unknown option named"

pb minutes --help
expect_status 0 "minutes --help"
expect_out_has "usage: panelboard minutes [MEETING]" "minutes --help"

# --- an action captured and closed at a meeting shows in its minutes ---
cat >"$WORK/today.yaml" <<'EOF'
panelboard: 1
meetings:
  - id: 2022-12-01
    date: 2022-12-01
EOF
pb import "$WORK/today.yaml"
expect_status 0 "import a meeting held today"
pb --as thirkill add 'Write to DWP @thirkill #housing due:+2w ref:"Resolved (3)"'
expect_status 0 "add an action at today's meeting"
id=$out
pb --as thirkill done "$id" 'Letter sent'
expect_status 0 "close it with a note"
pb minutes
expect_status 0 "minutes of today's meeting"
expect_eq "$out" "# Corporate Parenting Panel — 1 December 2022

## Corporate Parenting Panel

Action: Cllr Thirkill (3) — write to DWP, by 15 December 2022 — done

## Reports from Panel Leads

### Housing — Panel lead: Cllr Thirkill

- Update from Cllr Thirkill on ‘Write to DWP’ (#7): letter sent" "the minutes of the meeting where it was agreed and closed"

# --- what was typed is what the minutes say ---
pb --as thirkill add "Louise to chase Bradford's *urgent* review of _all_ placements #housing ref:'Resolved (4)'"
expect_status 0 "add with a single-quoted ref"
pb minutes
expect_out_has "Action: Cllr Thirkill (4) — Louise to chase Bradford's \\*urgent\\* review of \\_all\\_ placements" \
    "a name opening the title stays; Markdown characters are escaped; the single-quoted ref"

finish
