#!/usr/bin/env bash
# A database the user cannot write (a 0444 copy) opens, says "read-only"
# in the header, hints no writing keys, and refuses a change with a message
# instead of failing. Tests run as root, and root may write any file
# (access(W_OK) succeeds), so as root the dashboard runs as `nobody`
# through runuser (or setpriv); without either the test is skipped.
. "$(dirname "$0")/lib.sh"

as_user=()
if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1 && runuser -u nobody -- true 2>/dev/null; then
        as_user=(runuser -u nobody --)
    elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
        as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    else
        echo "running as root with neither runuser nor setpriv: skipping"
        exit 77
    fi
fi

import_example
# the folders on the way readable by the other user
chmod 755 "$WORK"
mkdir -m 777 "$WORK/open" "$WORK/home-ro"
mkdir -m 755 "$WORK/closed"

# start_ro SESSION FILE: the dashboard on FILE as the other user
start_ro() {
    start_cmd "$1" 120 40 "$(quote "${as_user[@]}" env HOME="$WORK/home-ro" \
        XDG_DATA_HOME="$WORK/home-ro" LANG=C.UTF-8 TERM=tmux-256color \
        "PANELBOARD_TODAY=$PANELBOARD_TODAY" "$PANELBOARD" --db "$2" --as thirkill); echo \"exit=\$?\""
}

# 1. a read-only file in a folder the user may write in
cp "$DB" "$WORK/open/panel.db"
chmod 444 "$WORK/open/panel.db"
before=$(cksum <"$WORK/open/panel.db")
start_ro open "$WORK/open/panel.db"
wait_for 'Corporate Parenting Panel'
wait_for 'as: thirkill (read-only)'
wait_for '7 themes'
wait_line '│ +Housing +Cllr Thirkill '
keys 3
wait_for '6 actions · 6 open · 4 overdue'
wait_for 'Inform portfolio-holders'
expect_screen_lacks ' a add ' "read-only: no 'a add' hint"
expect_screen_lacks ' d done ' "read-only: no 'd done' hint"
keys d
wait_line 'read-only.*done'
expect_screen_lacks '✓' "read-only: nothing marked done"
keys a
wait_line 'read-only.*(add|capture)'
expect_screen_lacks '│add:' "read-only: no capture line opens"
keys u
wait_line 'read-only.*undo'
# reading still works: search, filter, other panes
keys 2
wait_for '7 leads'
keys q
wait_output 'exit=0'
expect_eq "$(cksum <"$WORK/open/panel.db")" "$before" "the read-only file is unchanged"

# 2. a read-only file in a folder the user cannot write in either (a
# colleague's folder, a read-only share): the same, and nothing created
cp "$DB" "$WORK/closed/panel.db"
chmod 444 "$WORK/closed/panel.db"
start_ro closed "$WORK/closed/panel.db"
wait_for 'Corporate Parenting Panel'
wait_for 'as: thirkill (read-only)'
wait_for '7 themes'
keys q
wait_output 'exit=0'

finish
