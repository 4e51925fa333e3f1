#!/bin/bash
# libyaml's own errors, with the advice a hand-written file most often
# needs: each a located one-line error (FILE:LINE:COL: error: ...).
. "$(dirname "$0")/lib.sh"

# hint_for NAME CONTENT WANT: import a file holding CONTENT; one located
# line of error with WANT in it, exit 65.
hint_for() {
    printf "$2" >"$WORK/$1.yaml"
    pb import "$WORK/$1.yaml"
    expect_status 65 "$1: refused"
    expect_eq "$(printf '%s\n' "$err" | grep -c ': error: ')" "1" "$1: one error line"
    expect_err_has "$WORK/$1.yaml:$3" "$1: located"
    expect_err_has "$4" "$1: the advice"
}

hint_for colon 'panelboard: 1\nmembers:\n  - id: a\n    name: Cllr A: chair\n' \
    "4:17: error: " "a ': ' inside a plain value starts a mapping: quote the value"
hint_for tab 'panelboard: 1\nmembers:\n  - id: a\n\tname: A\n' \
    "4:1: error: " "indent with spaces, not tabs"
hint_for nbsp 'panelboard: 1\nmembers:\n  - id: a\n   \302\240name: A\n' \
    "4:4: error: " "a no-break space (U+00A0), as pasted from a word processor"
hint_for short 'panelboard: 1\nmembers:\n  - id: a\n    name: A\n   kind: councillor\n' \
    "5:4: error: " "indented one space short of the line above"

# an error none of these explains has no advice
printf 'panelboard: 1\nmembers: [a, b\n' >"$WORK/plain.yaml"
pb import "$WORK/plain.yaml"
expect_status 65 "another syntax error"
case "$err" in *"quote the value"* | *"not tabs"* | *"no-break"* | *"one space short"*)
    fail "advice where none applies: $err" ;; esac

finish
