# Shared by the dashboard's end-to-end tests: each test script sources this,
# runs the real binary ($PANELBOARD) inside tmux on a socket of its own (so
# the tests run in parallel), drives it with send-keys and looks at what a
# person would see with capture-pane. Nothing waits a fixed time: wait_for
# polls the screen until the text is there, and on the deadline prints the
# screen and fails the test.
#
# A failed wait ends the test at once (what follows would only fail with
# it); a failed expect_* check is counted and the script exits 1 at the end
# (finish), as the command-line tests do.
set -u
: "${PANELBOARD:?set PANELBOARD to the binary}"
: "${PB_SOURCE_ROOT:?set PB_SOURCE_ROOT to the source tree}"
export PANELBOARD_TODAY="${PANELBOARD_TODAY:-2022-12-01}"
unset PANELBOARD_DB PANELBOARD_AS TMUX TMUX_PANE

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux is not installed; skipping $(basename "$0")"
    exit 77
fi

# Seconds a wait may take: generous, for a loaded machine and for
# AddressSanitizer builds; PB_TUI_TIMEOUT overrides it.
TUI_TIMEOUT=${PB_TUI_TIMEOUT:-10}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pb-tui-XXXXXX")
SOCKET="pb-tui-$(basename "$0" .sh)-$$"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg"
mkdir -p "$HOME"
DB="$WORK/panel.db"
EXAMPLE="$PB_SOURCE_ROOT/data/example-panel.yaml"
S=dash # the session the helpers look at unless told otherwise
failures=0
checks=0

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

cleanup() {
    local sock
    sock=$(tm display-message -p '#{socket_path}' 2>/dev/null)
    tm kill-server >/dev/null 2>&1
    [ -n "$sock" ] && rm -f "$sock"
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    failures=$((failures + 1))
    printf 'FAIL: %s\n' "$*" >&2
}

# pb ARGS...: the command line on $DB; sets $out, $err, $status.
pb() {
    out=$("$PANELBOARD" --db "$DB" "$@" 2>"$WORK/stderr")
    status=$?
    err=$(cat "$WORK/stderr")
}

# import_example [DB]: the example panel into a fresh database.
import_example() {
    "$PANELBOARD" --db "${1:-$DB}" import "$EXAMPLE" >/dev/null 2>"$WORK/stderr" || {
        cat "$WORK/stderr" >&2
        echo "FAIL: cannot import $EXAMPLE" >&2
        exit 1
    }
}

# quote ARGS...: the arguments as one shell-quoted command line.
quote() {
    local q="" a
    for a in "$@"; do q="$q $(printf '%q' "$a")"; done
    printf '%s' "${q# }"
}

# start SESSION W H [VAR=VALUE...] [-- PANELBOARD-ARGS...]: the dashboard
# on $DB in a new detached session W columns by H rows, with LANG=C.UTF-8
# and TERM=tmux-256color unless the VAR=VALUE words say otherwise. The pane
# stays when the program ends (remain-on-exit), so a crash is on the screen
# that a failed wait prints.
start() {
    local session=$1 w=$2 h=$3 vars=(LANG=C.UTF-8 LC_ALL= TERM=tmux-256color)
    shift 3
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    # the status is echoed after it: tmux's own pane_dead_status is not
    # always there when the pane is seen dead
    start_cmd "$session" "$w" "$h" \
        "$(quote env "${vars[@]}" "PANELBOARD_TODAY=$PANELBOARD_TODAY" \
            "$PANELBOARD" --db "$DB" "$@"); echo \"[exit=\$?]\""
}

# start_cmd SESSION W H COMMAND: any shell command line in a new session.
start_cmd() {
    local session=$1 w=$2 h=$3 cmd=$4
    if ! tm has-session 2>/dev/null; then
        # the server's first session; its options then hold for every session
        tm new-session -d -s "$session" -x "$w" -y "$h" "$cmd" || exit 1
        tm set-option -g remain-on-exit on
        tm set-option -t "$session" remain-on-exit on
    else
        tm new-session -d -s "$session" -x "$w" -y "$h" "$cmd" || exit 1
    fi
    S=$session
}

# start_shell SESSION W H [SHELL]: an interactive shell (dash by default:
# no readline, so what echoes is the terminal's own echo) with the prompt
# "pbsh$ ", for tests that look at the terminal after the dashboard.
start_shell() {
    local sh=${4:-dash} args=(-i)
    [ "$sh" = bash ] && args=(--norc --noprofile -i)
    start_cmd "$1" "$2" "$3" "$(quote env PS1='pbsh$ ' ENV=/dev/null LANG=C.UTF-8 \
        TERM=tmux-256color "PANELBOARD_TODAY=$PANELBOARD_TODAY" "HOME=$HOME" "$sh" "${args[@]}")"
    wait_for 'pbsh$'
}

# screen [SESSION]: what the pane shows now, one line a row.
screen() { tm capture-pane -p -t "${1:-$S}"; }

# keys KEY...: tmux key names (Enter, Tab, C-r, Escape ...) to the session.
keys() { tm send-keys -t "$S" "$@"; }
# type TEXT: text typed as it is.
type_text() { tm send-keys -t "$S" -l "$1"; }

show_screen() {
    printf -- '--- screen of %s (%s) ---\n' "$S" \
        "$(tm display-message -p -t "$S" '#{window_width}x#{window_height}, dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal}' 2>&1)" >&2
    screen >&2
    printf -- '--- end of screen ---\n' >&2
}

# die MESSAGE: the test cannot go on; show the screen, and stop.
die() {
    fail "$*"
    show_screen
    printf '%s: %d of %d checks failed (stopped)\n' "$(basename "$0")" "$failures" "$checks" >&2
    exit 1
}

# wait_for TEXT [TIMEOUT]: until TEXT is on the screen, else the test fails.
wait_for() {
    local text=$1 deadline=$((SECONDS + ${2:-$TUI_TIMEOUT}))
    checks=$((checks + 1))
    while :; do
        case "$(screen 2>/dev/null)" in *"$text"*) return 0 ;; esac
        [ "$SECONDS" -ge "$deadline" ] && die "waited ${2:-$TUI_TIMEOUT}s for '$text' on $S"
        sleep 0.1
    done
}

# wait_output TEXT [TIMEOUT]: until TEXT is in what a line-by-line
# program wrote (wrapped lines joined, the history included).
wait_output() {
    local text=$1 deadline=$((SECONDS + ${2:-$TUI_TIMEOUT}))
    checks=$((checks + 1))
    while :; do
        case "$(tm capture-pane -p -J -S - -t "$S" 2>/dev/null)" in *"$text"*) return 0 ;; esac
        [ "$SECONDS" -ge "$deadline" ] && die "waited ${2:-$TUI_TIMEOUT}s for '$text' in the output on $S"
        sleep 0.1
    done
}

# wait_gone TEXT [TIMEOUT]: until TEXT is no longer on the screen.
wait_gone() {
    local text=$1 deadline=$((SECONDS + ${2:-$TUI_TIMEOUT}))
    checks=$((checks + 1))
    while :; do
        case "$(screen 2>/dev/null)" in *"$text"*) ;; *) return 0 ;; esac
        [ "$SECONDS" -ge "$deadline" ] && die "waited ${2:-$TUI_TIMEOUT}s for '$text' to go from $S"
        sleep 0.1
    done
}

# wait_line REGEX [TIMEOUT]: until a row of the screen matches the
# extended regular expression.
wait_line() {
    local re=$1 deadline=$((SECONDS + ${2:-$TUI_TIMEOUT}))
    checks=$((checks + 1))
    while :; do
        screen 2>/dev/null | grep -Eq -- "$re" && return 0
        [ "$SECONDS" -ge "$deadline" ] && die "waited ${2:-$TUI_TIMEOUT}s for a row matching /$re/ on $S"
        sleep 0.1
    done
}

# wait_dead [TIMEOUT]: until the dashboard started by `start` has ended;
# sets $dead_status to its exit status.
wait_dead() {
    wait_output '[exit=' "${1:-$TUI_TIMEOUT}"
    dead_status=$(tm capture-pane -p -J -S - -t "$S" | sed -n 's/^\[exit=\([0-9]*\)\]$/\1/p' | tail -1)
}

# wait_frame W H: until the dashboard has drawn its frame for a terminal
# of W by H cells (tmux sends the new size a moment after resize-window, so
# keys sent at once may still meet the old size).
wait_frame() {
    local w=$1 h=$2 deadline=$((SECONDS + TUI_TIMEOUT)) top bottom
    checks=$((checks + 1))
    while :; do
        top=$(screen | sed -n 1p)
        bottom=$(screen | sed -n "${h}p")
        case "$top$bottom" in
        ┌*┐└*┘)
            [ "$(printf '%s' "$top" | LC_ALL=C.UTF-8 wc -L)" -eq "$w" ] &&
                [ "$(printf '%s' "$bottom" | LC_ALL=C.UTF-8 wc -L)" -eq "$w" ] && return 0
            ;;
        esac
        [ "$SECONDS" -ge "$deadline" ] && die "waited ${TUI_TIMEOUT}s for a ${w}x${h} frame on $S"
        sleep 0.1
    done
}

# cells TEXT: how many terminal cells TEXT takes (wcwidth, as tmux counts)
cells() { printf '%s' "$1" | LC_ALL=C.UTF-8 wc -L; }

# misaligned_rows W H: prints each row of the screen that is not W cells
# wide ending on the frame's right edge (│ ┐ ┘ ┤), and whether there are H.
misaligned_rows() {
    local i=0 line width
    while IFS= read -r line; do
        i=$((i + 1))
        width=$(cells "$line")
        case "$line" in
        *│ | *┐ | *┘ | *┤) [ "$width" -eq "$1" ] || echo "row $i is $width cells: $line" ;;
        *) echo "row $i does not end on the frame: $line" ;;
        esac
    done < <(screen)
    [ "$i" -eq "$2" ] || echo "$i rows, expected $2"
}

# divider_columns: the columns (from 0) of the line between the list and
# the detail, on every row that has one, each once: one number when they
# line up.
divider_columns() {
    local line prefix
    screen | while IFS= read -r line; do
        case "$line" in
        ├*┬*┤ | ├*┴*┤) prefix=${line%[┬┴]*} ;;
        │*│*│) prefix=${line%│*}; prefix=${prefix%│*} ;;
        *) continue ;;
        esac
        printf '%s\n' "$(cells "$prefix")"
    done | sort -u | tr '\n' ' '
}

# The dashboard is up and drawn: its header and the status line's count.
wait_ready() {
    wait_for 'Corporate Parenting Panel'
    wait_for "${1:-7 themes}"
}

# expect_screen_has TEXT DESCRIPTION / expect_screen_lacks: the screen now.
expect_screen_has() {
    checks=$((checks + 1))
    case "$(screen)" in *"$1"*) ;; *) fail "$2: the screen lacks '$1'"; show_screen ;; esac
}
expect_screen_lacks() {
    checks=$((checks + 1))
    case "$(screen)" in *"$1"*) fail "$2: the screen has '$1'"; show_screen ;; esac
}

# expect_status N DESCRIPTION: the status of the latest pb.
expect_status() {
    checks=$((checks + 1))
    [ "$status" -eq "$1" ] || fail "$2: exit $status, expected $1 (stderr: $err)"
}

# expect_eq GOT WANT DESCRIPTION
expect_eq() {
    checks=$((checks + 1))
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}
# expect_has HAYSTACK NEEDLE DESCRIPTION / expect_lacks
expect_has() {
    checks=$((checks + 1))
    case "$1" in *"$2"*) ;; *) fail "$3: lacks '$2'; got: $1" ;; esac
}
expect_lacks() {
    checks=$((checks + 1))
    case "$1" in *"$2"*) fail "$3: has '$2'; got: $1" ;; esac
}

# detail_title: the detail pane's first line (the selected row's heading),
# read from the right-hand box of the 3rd-to-5th screen rows.
detail_first_line() {
    screen | sed -n 4p | awk -F'│' '{ print $3 }' | sed 's/^ *//; s/ *$//'
}

finish() {
    if [ "$failures" -gt 0 ]; then
        printf '%s: %d of %d checks failed\n' "$(basename "$0")" "$failures" "$checks" >&2
        exit 1
    fi
    printf '%s: %d checks passed\n' "$(basename "$0")" "$checks"
    exit 0
}
