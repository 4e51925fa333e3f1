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

expect_out_has $'## Resolved –\n(1) That the Panel noted the importance' "resolutions numbered"
expect_out_has $'- Advise on procedure for the appointment of additional co-opted Panel members.\n  Action: Governance Officer (4) — by 31 October 2022' \
    "an action arising ends in its Action: line with its reference and due date"
expect_out_has "  Action: Chair (1) — by 30 November 2022" "a reference 'Resolved (1)' is written (1)"
expect_out_has "  Action: All (2) — by 11 January 2023" "an action owned by all says All"
expect_out_has "  Action: Chair, iAD/SRCP — by 30 November 2022" "owners by post, in order"
expect_out_has "- Youth Justice: proposed (Resolved (3))" "co-option seats the meeting resolved on"
expect_out_lacks "Members' questions" "no questions at the meeting: no section for them"
checks=$((checks + 1))
n=$(printf '%s\n' "$out" | grep -c '^  Action: ')
[ "$n" -eq 5 ] || fail "one Action: line per action agreed on 2022-10-12: got $n"

pb minutes 2022-05-12
expect_status 0 "minutes of 2022-05-12"
expect_out_has "# Corporate Parenting Panel — 12 May 2022" "the meeting named"
expect_out_has $'- A Member asked what still needed to be done, as the' "a question nobody is named for"
expect_out_has "  Response: the responsibility for actions still needed" "its response"
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
expect_err_has "unknown option '--latest'" "the unknown option named"

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

## Report-back by theme

### Housing — Panel lead: Cllr Thirkill
- Update from Cllr Thirkill: letter sent.
- Action agreed: write to DWP. Action: Cllr Thirkill — by 15 December 2022

## Actions arising
- Write to DWP.
  Action: Cllr Thirkill (3) — by 15 December 2022" "the minutes of the meeting where it was agreed and closed"

# --- what was typed is what the minutes say ---
pb --as thirkill add "Louise to chase Bradford's *urgent* review of _all_ placements #housing ref:'Resolved (4)'"
expect_status 0 "add with a single-quoted ref"
pb minutes
expect_out_has $'- Action agreed: Louise to chase Bradford\'s \\*urgent\\* review of \\_all\\_ placements.\n  Action: Cllr Thirkill\n' \
    "a name opening the title stays; Markdown characters are escaped"
expect_out_has $'- Louise to chase Bradford\'s \\*urgent\\* review of \\_all\\_ placements.\n  Action: Cllr Thirkill (4)' \
    "the single-quoted ref is the minute reference"

finish
