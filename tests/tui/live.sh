#!/usr/bin/env bash
# Two dashboards on one database, as the chair's projector and an officer's
# terminal: what one saves (a capture, a done) shows in the other within a
# second or two, and the other's cursor stays on the row it was on (its
# detail still shows the same action).
. "$(dirname "$0")/lib.sh"

LIVE=5 # seconds: the spec says one; this leaves room for a loaded machine

import_example
start chair 120 40 -- --as chair
wait_ready
start officer 120 40 -- --as gov-officer
wait_ready

# the officer looks at action 4, the chair at the actions too
S=officer
keys 3
wait_for '6 actions'
keys j j j
wait_for '#4 Advise on procedure for the'
S=chair
keys 3
wait_for '6 actions'

# the chair captures an action
keys a
wait_for '│add:'
type_text 'Invite the Virtual School head @knox due:2022-12-20'
wait_for 'add: Invite the Virtual School head @knox'
keys Enter
wait_for 'added #7'

S=officer
wait_for '7 actions · 7 open' "$LIVE"
wait_line '│ +7 open +2022-12-20 knox +Invite the Virtual Sch' "$LIVE"
expect_eq "$(detail_first_line)" "#4 Advise on procedure for the" \
    "the officer's cursor stays on action 4 after the chair's capture"

# the chair marks action 2 done
S=chair
keys g j
wait_for '#2 Identify the major issues'
keys d
wait_for '#2 is done'

S=officer
wait_line '│✓ +2 done ' "$LIVE"
wait_for '7 actions · 6 open' "$LIVE"
expect_eq "$(detail_first_line)" "#4 Advise on procedure for the" \
    "the officer's cursor stays on action 4 after the chair's done"

# the chair closes the very action the officer is looking at: the
# officer's detail follows, still on action 4
S=chair
keys j j
wait_for '#4 Advise on procedure for the'
keys d
wait_for '#4 is done'
S=officer
wait_line '│✓ +4 done ' "$LIVE"
wait_line '│ status +done +│' "$LIVE"
expect_eq "$(detail_first_line)" "#4 Advise on procedure for the" \
    "the officer's cursor stays on action 4 when it changes"

# and the other way: the officer's j still moves from row 4 to row 5
keys j
wait_for '#5 Take members'

# the officer's change reaches the chair
keys u
wait_for 'nothing of this session to undo'
keys d
wait_for '#5 is done'
S=chair
wait_line '│✓ +5 done ' "$LIVE"
expect_eq "$(detail_first_line)" "#4 Advise on procedure for the" \
    "the chair's cursor stays on action 4 after the officer's done"

finish
